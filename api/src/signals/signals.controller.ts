import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  QualityBoardResponse,
  SignalsComputedResponse,
  SignalsPageResponse,
  UnitSignalsResponse,
} from '@sci/shared';
import type { Response } from 'express';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import {
  SignalsExportQueryDto,
  SignalsFilterDto,
  SignalsQueryDto,
} from './dto/signals-query.dto';
import { SignalsService } from './signals.service';

@ApiTags('signals')
@ApiBearerAuth()
@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Get('signals')
  list(
    @Query() q: SignalsQueryDto,
    @CurrentScope() scope: AccessScope,
  ): Promise<SignalsPageResponse> {
    return this.signals.list(scope, q);
  }

  @Get('signals/export')
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async export(
    @Query() q: SignalsExportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.signals.export(scope, q);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"`,
    );
    return new StreamableFile(file.body, { type: file.contentType });
  }

  @Get('units/:code/signals')
  unit(
    @Param('code') code: string,
    @Query() q: SignalsFilterDto,
    @CurrentScope() scope: AccessScope,
  ): Promise<UnitSignalsResponse> {
    return this.signals.unit(scope, code, q);
  }

  /**
   * Computes a run's signals again: a run's two-snapshot signals need the next quarter, which may
   * have been imported after the run (the next quarter's rows are not an input of its scores).
   */
  @Post('runs/:id/signals')
  @HttpCode(200)
  @Roles('regulator', 'admin')
  recompute(
    @Param('id', ParseIntPipe) id: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<SignalsComputedResponse> {
    return this.signals.recompute(scope, id);
  }

  /** Bank-level figures: a branch would see totals of units outside its subtree. */
  @Get('quality')
  @Roles('regulator', 'admin', 'bank_hq')
  quality(@CurrentScope() scope: AccessScope): Promise<QualityBoardResponse> {
    return this.signals.quality(scope);
  }
}
