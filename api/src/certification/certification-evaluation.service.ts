import {
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  CHECK_CODES,
  evaluateCertification,
  type CertificationResult,
  type EvaluationDetailResponse,
  type EvaluationListResponse,
  type ExerciseResponse,
  type Scheme,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import {
  TabularFormat,
  writeTable,
  WrittenFile,
} from '../exports/tabular-writer';
import { RunsService } from '../runs/runs.service';
import { ScoringDataRepository } from '../runs/scoring-data.repository';
import { SchemesService } from '../schemes/schemes.service';
import {
  certificationExportTable,
  CertificationExportRow,
} from './certification-export';
import {
  passesOf,
  toDecisionView,
  toEvaluationDetail,
  toEvaluationEntity,
  toEvaluationItem,
} from './certification-response';
import { CertificationRepository } from './certification.repository';
import {
  CertificationExerciseService,
  seesUnpublishedDecisions,
} from './certification-exercise.service';

/** The runs an evaluation of year Y reads. */
export interface EvaluationRuns {
  runId: number;
  /** (Y-1) Q4; null when that quarter has no data (then every Y-1 check C3-C8 fails, as for an unscored unit) */
  previousRunId: number | null;
  scheme: Scheme;
}

export const fourthQuarter = (year: number): string => `${year}Q4`;

/**
 * Evaluation of an exercise (scoring.md section 7) with the engine's evaluateCertification, on
 * stored run results: Y Q4 from its latest published run, (Y-1) Q4 from its latest published run
 * or, when it has none, from a run scored for the purpose (left unpublished, so the dashboard
 * does not change). The stored evaluation keeps each unit's checks in words.
 */
@Injectable()
export class CertificationEvaluationService {
  constructor(
    private readonly repo: CertificationRepository,
    private readonly exercises: CertificationExerciseService,
    private readonly runs: RunsService,
    private readonly data: ScoringDataRepository,
    private readonly schemes: SchemesService,
    private readonly units: UnitScopeRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The engine on two runs' stored results, the submitted applications of Y and Y-1 and the
   * register's confirm decisions of Y-1. Shared by the exercise and the `certify` CLI.
   */
  async compute(
    year: number,
    runs: EvaluationRuns,
  ): Promise<CertificationResult[]> {
    const [resultsY, resultsPrev, applications, certifiedPrev] =
      await Promise.all([
        this.repo.unitResultsOfRun(runs.runId),
        runs.previousRunId === null
          ? Promise.resolve([])
          : this.repo.unitResultsOfRun(runs.previousRunId),
        this.repo.submittedApplications([year, year - 1]),
        this.repo.confirmedCodes(year - 1),
      ]);
    return evaluateCertification(
      {
        year,
        resultsY,
        resultsPrev,
        applicationsY: applications.filter((a) => a.year === year),
        applicationsPrev: applications.filter((a) => a.year === year - 1),
        certifiedPrev,
      },
      runs.scheme,
    );
  }

  /**
   * The (Y-1) Q4 run: the latest published one, else one scored now with the scheme of the Y
   * run (null when the quarter has no loans). `runNow` throws 409 RUN_IN_PROGRESS when another
   * run of that quarter is under way.
   */
  async previousRun(
    year: number,
    scheme: { schemeId: string; version: number },
    by: string,
  ): Promise<number | null> {
    const period = fourthQuarter(year - 1);
    const published = (await this.runs.latestPublished()).get(period);
    if (published) return published.id;
    if (!(await this.data.hasLoans(period))) return null;
    const run = await this.runs.runNow({
      period,
      schemeId: scheme.schemeId,
      schemeVersion: scheme.version,
      trigger: 'user',
      triggeredBy: by,
    });
    if (run.status !== 'succeeded') {
      throw new ConflictException({
        code: 'PREVIOUS_RUN_FAILED',
        params: { period },
        message: `scoring ${period} for the two-year rule failed: ${run.error ?? 'unknown error'}`,
      });
    }
    return run.id;
  }

  /** POST /api/certification/:year/evaluate (regulator). */
  async evaluate(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    const ex = await this.exercises.require(year);
    if (ex.status !== 'applications_closed' && ex.status !== 'evaluated') {
      throw new ConflictException({
        code: 'EXERCISE_STATE',
        params: { year },
        message: `the exercise of ${year} is ${ex.status}; evaluate it after the application window is closed and before decisions are recorded`,
      });
    }
    const decided = await this.repo.countDecisions(year);
    if (decided > 0) {
      throw new ConflictException({
        code: 'DECISIONS_EXIST',
        params: { year, n: decided },
        message: `${year} already has ${decided} decision(s); a new evaluation would change what they decided on`,
      });
    }
    const prevExercise = await this.repo.getExercise(year - 1);
    if (prevExercise && prevExercise.status !== 'published') {
      throw new ConflictException({
        code: 'PREVIOUS_NOT_PUBLISHED',
        params: { prev: year - 1 },
        message: `the exercise of ${year - 1} is ${prevExercise.status}; publish it first: its decisions say which units were certified the year before`,
      });
    }
    const period = fourthQuarter(year);
    const runY = (await this.runs.latestPublished()).get(period);
    if (!runY) {
      throw new ConflictException({
        code: 'NO_PUBLISHED_RUN',
        params: { period },
        message: `${period} has no published run; score and publish the fourth quarter of ${year} before evaluating`,
      });
    }
    const scheme = await this.schemes.resolve(
      runY.schemeId,
      runY.schemeVersion,
    );
    const previousRunId = await this.previousRun(
      year,
      scheme,
      scope.user.username,
    );
    const results = await this.compute(year, {
      runId: runY.id,
      previousRunId,
      scheme: scheme.scheme,
    });
    const now = new Date();
    const stored = await this.repo.replaceEvaluation(
      year,
      results.map((r) => toEvaluationEntity(r, scheme.scheme, runY.id, now)),
      ['applications_closed', 'evaluated'],
      {
        status: 'evaluated',
        evaluatedAt: now,
        evaluatedBy: scope.user.username,
        runId: runY.id,
        prevRunId: previousRunId,
        schemeId: scheme.schemeId,
        schemeVersion: scheme.version,
      },
    );
    if (!stored)
      throw new ConflictException({
        code: 'EXERCISE_STATE',
        params: { year },
        message: `the exercise of ${year} changed while it was being evaluated; try again`,
      });
    const byOutcome: Record<string, number> = {};
    for (const r of results)
      byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
    await this.audit.record({
      scope,
      action: 'certification.evaluated',
      target: `certification:${year}`,
      detail: {
        runId: runY.id,
        previousRunId,
        scheme: `${scheme.schemeId} v${scheme.version}`,
        units: results.length,
        byOutcome,
      },
    });
    return this.exercises.get(scope, year);
  }

  /** GET /api/certification/:year/evaluation: evaluated units in scope, with their decisions (unpublished ones: regulator and admin only). */
  async list(
    scope: AccessScope,
    year: number,
  ): Promise<EvaluationListResponse> {
    const ex = await this.exercises.require(year);
    const [rows, decisions] = await Promise.all([
      this.repo.listEvaluations(year, scope),
      this.repo.listDecisions(year, scope),
    ]);
    const units = await this.repo.unitsInScope(
      scope,
      rows.map((r) => r.institutionCode),
    );
    const showDecisions =
      ex.status === 'published' || seesUnpublishedDecisions(scope);
    const byCode = new Map(decisions.map((d) => [d.institutionCode, d]));
    return {
      year,
      status: ex.status,
      items: rows.map((r) => {
        const d = showDecisions ? byCode.get(r.institutionCode) : undefined;
        return toEvaluationItem(
          r,
          units.get(r.institutionCode),
          d ? toDecisionView(d) : null,
        );
      }),
    };
  }

  /** GET /api/certification/:year/evaluation/:code: 404 for a unit out of scope or not evaluated. */
  async detail(
    scope: AccessScope,
    year: number,
    code: string,
  ): Promise<EvaluationDetailResponse> {
    const ex = await this.exercises.require(year);
    const unit = await this.units.findVisible(scope, code);
    const row = unit ? await this.repo.getEvaluation(year, code) : null;
    if (!row)
      throw new NotFoundException({
        code: 'EVALUATION_NOT_FOUND',
        params: { year },
        message: `no evaluation for ${year} of this unit among the units you may see`,
      });
    const units = await this.repo.unitsInScope(scope, [code]);
    const d =
      ex.status === 'published' || seesUnpublishedDecisions(scope)
        ? await this.repo.getDecision(year, code)
        : null;
    return toEvaluationDetail(
      row,
      units.get(code),
      d ? toDecisionView(d) : null,
      ex.prevRunId,
    );
  }

  /** GET /api/certification/:year/export: the Certification export of the stored evaluation, in scope. */
  async export(
    scope: AccessScope,
    year: number,
    format: TabularFormat,
  ): Promise<WrittenFile> {
    const ex = await this.exercises.require(year);
    if (!ex.evaluatedAt)
      throw new ConflictException({
        code: 'NOT_EVALUATED',
        params: { year },
        message: `the exercise of ${year} has not been evaluated yet`,
      });
    const rows = await this.repo.listEvaluations(year, scope);
    const file = await writeTable(
      certificationExportTable(
        year,
        rows.map((r) => ({
          year: r.year,
          code: r.institutionCode,
          outcome: r.outcome,
          passes: passesOf(r),
        })),
      ),
      format,
    );
    await this.audit.record({
      scope,
      action: 'export.downloaded',
      target: `certification:${year}`,
      detail: { export: 'certification', year, format, rows: rows.length },
    });
    return file;
  }
}

/** Export rows straight from the engine's results (CLI). */
export function exportRowsOf(
  results: CertificationResult[],
): CertificationExportRow[] {
  return results.map((r) => ({
    year: r.year,
    code: r.code,
    outcome: r.outcome,
    passes: Object.fromEntries(
      CHECK_CODES.map((c) => [
        c,
        r.checks.find((k) => k.code === c)?.pass ?? false,
      ]),
    ) as CertificationExportRow['passes'],
  }));
}
