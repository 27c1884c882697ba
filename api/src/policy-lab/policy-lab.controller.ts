import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SimulationResponse } from '@sci/shared';
import type { Response } from 'express';
import { Roles } from '../core/auth/access-scope';
import { SimulateDraftDto } from '../schemes/dto/draft.dto';
import { PolicyLabService } from './policy-lab.service';
import { simulationWorkbook } from './simulation-xlsx';

/** Simulation of a draft on the current data (regulator and admin): nothing is stored. */
@ApiTags('scheme-drafts')
@ApiBearerAuth()
@Roles('regulator', 'admin')
@Controller('scheme-drafts')
export class PolicyLabController {
  constructor(private readonly lab: PolicyLabService) {}

  @Post(':id/simulate')
  @HttpCode(200)
  simulate(@Param('id', ParseIntPipe) id: number, @Body() dto: SimulateDraftDto): Promise<SimulationResponse> {
    return this.lab.simulate(id, dto.period);
  }

  /** The same comparison as an XLSX workbook, one sheet per view. */
  @Get(':id/simulation.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async workbook(
    @Param('id', ParseIntPipe) id: number,
    @Query() q: SimulateDraftDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const body = await simulationWorkbook(await this.lab.simulate(id, q.period));
    res.setHeader('Content-Disposition', `attachment; filename="simulation-draft${id}-${q.period}.xlsx"`);
    return new StreamableFile(body, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }
}
