import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CertificationApplicationListResponse,
  CertificationApplicationResponse,
  CertifiedListResponse,
  EvaluationDetailResponse,
  EvaluationItem,
  EvaluationListResponse,
  ExerciseListResponse,
  ExerciseResponse,
  UnitCertificationHistoryResponse,
} from '@sci/shared';
import type { Response } from 'express';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { CertificationApplicationsService } from './certification-applications.service';
import { CertificationDecisionsService } from './certification-decisions.service';
import { CertificationEvaluationService } from './certification-evaluation.service';
import { CertificationExerciseService } from './certification-exercise.service';
import { CreateApplicationDto } from './dto/application.dto';
import { DecisionDto } from './dto/decision.dto';
import { CertificationExportQueryDto } from './dto/export-query.dto';
import { ParseYearPipe } from './dto/year.pipe';

/** The annual certification exercise. Reads are scoped by the services; steps are the regulator's, applications the bank HQ's. */
@ApiTags('certification')
@ApiBearerAuth()
@Controller('certification')
export class CertificationController {
  constructor(
    private readonly exercises: CertificationExerciseService,
    private readonly applications: CertificationApplicationsService,
    private readonly evaluation: CertificationEvaluationService,
    private readonly decisions: CertificationDecisionsService,
  ) {}

  @Get()
  list(@CurrentScope() scope: AccessScope): Promise<ExerciseListResponse> {
    return this.exercises.list(scope);
  }

  /** Declared before the :year routes so "units" is never read as a year. */
  @Get('units/:code')
  history(
    @Param('code') code: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<UnitCertificationHistoryResponse> {
    return this.decisions.history(scope, code);
  }

  @Get(':year')
  get(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.exercises.get(scope, year);
  }

  @Post(':year')
  @Roles('regulator')
  create(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.exercises.create(scope, year);
  }

  @Post(':year/open')
  @HttpCode(200)
  @Roles('regulator')
  open(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.exercises.open(scope, year);
  }

  @Post(':year/close')
  @HttpCode(200)
  @Roles('regulator')
  close(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.exercises.close(scope, year);
  }

  @Post(':year/evaluate')
  @HttpCode(200)
  @Roles('regulator')
  evaluate(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.evaluation.evaluate(scope, year);
  }

  @Post(':year/publish')
  @HttpCode(200)
  @Roles('regulator')
  publish(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<ExerciseResponse> {
    return this.exercises.publish(scope, year);
  }

  @Get(':year/applications')
  applicationsOf(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<CertificationApplicationListResponse> {
    return this.applications.list(scope, year);
  }

  @Post(':year/applications')
  @Roles('bank_hq')
  submit(
    @Param('year', ParseYearPipe) year: number,
    @Body() dto: CreateApplicationDto,
    @CurrentScope() scope: AccessScope,
  ): Promise<CertificationApplicationResponse> {
    return this.applications.submit(scope, year, dto);
  }

  @Delete(':year/applications/:code')
  @Roles('bank_hq')
  withdraw(
    @Param('year', ParseYearPipe) year: number,
    @Param('code') code: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<CertificationApplicationResponse> {
    return this.applications.withdraw(scope, year, code);
  }

  @Get(':year/evaluation')
  evaluations(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<EvaluationListResponse> {
    return this.evaluation.list(scope, year);
  }

  @Get(':year/evaluation/:code')
  evaluationOf(
    @Param('year', ParseYearPipe) year: number,
    @Param('code') code: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<EvaluationDetailResponse> {
    return this.evaluation.detail(scope, year, code);
  }

  @Post(':year/decisions/:code')
  @HttpCode(200)
  @Roles('regulator')
  decide(
    @Param('year', ParseYearPipe) year: number,
    @Param('code') code: string,
    @Body() dto: DecisionDto,
    @CurrentScope() scope: AccessScope,
  ): Promise<EvaluationItem> {
    return this.decisions.decide(scope, year, code, dto);
  }

  @Get(':year/list')
  publishedList(
    @Param('year', ParseYearPipe) year: number,
    @CurrentScope() scope: AccessScope,
  ): Promise<CertifiedListResponse> {
    return this.decisions.publishedList(scope, year);
  }

  @Get(':year/export')
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async export(
    @Param('year', ParseYearPipe) year: number,
    @Query() q: CertificationExportQueryDto,
    @CurrentScope() scope: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evaluation.export(scope, year, q.format ?? 'csv');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"`,
    );
    return new StreamableFile(file.body, { type: file.contentType });
  }
}
