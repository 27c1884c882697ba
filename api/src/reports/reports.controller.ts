import {
  Controller,
  Get,
  Param,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { ParseYearPipe } from '../certification/dto/year.pipe';
import { ReportQueryDto } from './report-query.dto';
import { ReportFile, ReportsService } from './reports.service';

function send(res: Response, f: ReportFile): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename="${f.filename}"`);
  return new StreamableFile(f.body, { type: f.contentType });
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('certification/:year')
  @ApiProduces('application/pdf')
  async certificationList(
    @Param('year', ParseYearPipe) year: number,
    @Query() q: ReportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(
      res,
      await this.reports.certificationList(scope, year, q.lang ?? 'zh'),
    );
  }

  @Get('province')
  @Roles('regulator', 'admin')
  @ApiProduces('application/pdf')
  async province(
    @Query() q: ReportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(
      res,
      await this.reports.provinceReport(scope, q, q.lang ?? 'zh'),
    );
  }

  @Get('units/:code')
  @ApiProduces('application/pdf')
  async unit(
    @Param('code') code: string,
    @Query() q: ReportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(
      res,
      await this.reports.unitReport(scope, code, q, q.lang ?? 'zh'),
    );
  }

  @Get('banks/:bankCode')
  @ApiProduces('application/pdf')
  async bank(
    @Param('bankCode') bankCode: string,
    @Query() q: ReportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(
      res,
      await this.reports.bankReport(scope, bankCode, q, q.lang ?? 'zh'),
    );
  }

  @Get('banks/:bankCode/batch')
  @ApiProduces('application/zip')
  async batch(
    @Param('bankCode') bankCode: string,
    @Query() q: ReportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(
      res,
      await this.reports.bankBatch(scope, bankCode, q, q.lang ?? 'zh'),
    );
  }
}
