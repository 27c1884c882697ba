import { Controller, Get, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BankSummaryResponse, ExplainResponse, ResultsPageResponse, RunDiffResponse, UnitResultDetailResponse } from '@sci/shared';
import type { Response } from 'express';
import { AccessScope, CurrentScope } from '../core/auth/access-scope';
import { ReadableExportQueryDto, ResultsExportQueryDto, ResultsQueryDto, UnitResultQueryDto } from './dto/results-query.dto';
import { ExplainService } from './explain.service';
import { ResultsExportService } from './results-export.service';
import { ResultsService } from './results.service';

@ApiTags('results')
@ApiBearerAuth()
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly explainer: ExplainService,
    private readonly exporter: ResultsExportService,
  ) {}

  @Get('results')
  list(@Query() q: ResultsQueryDto, @CurrentScope() scope: AccessScope): Promise<ResultsPageResponse> {
    return this.results.list(scope, q);
  }

  /** Declared before results/:code so "export" is not taken for a unit code. */
  @Get('results/export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() q: ResultsExportQueryDto, @CurrentScope() scope: AccessScope, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.exporter.export(scope, { period: q.period, runId: q.runId, format: q.format ?? 'csv' });
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body, { type: file.contentType });
  }

  /** The ranking board as shown (filters, sort, words, display units); the exchange format is results/export. */
  @Get('results/export/readable')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportReadable(@Query() q: ReadableExportQueryDto, @CurrentScope() scope: AccessScope, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.exporter.readable(scope, q);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return new StreamableFile(file.body, { type: file.contentType });
  }

  @Get('results/:code')
  detail(@Param('code') code: string, @Query() q: UnitResultQueryDto, @CurrentScope() scope: AccessScope): Promise<UnitResultDetailResponse> {
    return this.results.detail(scope, code, q);
  }

  @Get('results/:code/explain')
  explain(@Param('code') code: string, @Query() q: UnitResultQueryDto, @CurrentScope() scope: AccessScope): Promise<ExplainResponse> {
    return this.explainer.explain(scope, code, q);
  }

  @Get('banks/:bankCode/summary')
  bankSummary(@Param('bankCode') bankCode: string, @Query() q: UnitResultQueryDto, @CurrentScope() scope: AccessScope): Promise<BankSummaryResponse> {
    return this.results.bankSummary(scope, bankCode, q);
  }

  @Get('runs/:a/diff/:b')
  diff(@Param('a', ParseIntPipe) a: number, @Param('b', ParseIntPipe) b: number, @CurrentScope() scope: AccessScope): Promise<RunDiffResponse> {
    return this.results.diff(scope, a, b);
  }
}
