import {
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type {
  ExerciseCounts,
  ExerciseListResponse,
  ExerciseResponse,
  ExerciseStatus,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { emptyCounts, toExerciseResponse } from './certification-response';
import {
  CertificationRepository,
  ExercisePatch,
} from './certification.repository';
import { CertificationExerciseEntity } from './entities/certification-exercise.entity';

/**
 * Decisions are the regulator's until the list is published: a bank sees its units' decisions
 * once the exercise is published (its recommendations and checks at once, as docs/access.md allows).
 */
export function seesUnpublishedDecisions(scope: AccessScope): boolean {
  return scope.all;
}

/** The steps the regulator moves an exercise through, and from which statuses each may start. */
const STEPS = {
  open: {
    from: ['draft', 'applications_closed'] as ExerciseStatus[],
    action: 'certification.window_opened',
  },
  close: {
    from: ['applications_open'] as ExerciseStatus[],
    action: 'certification.window_closed',
  },
  publish: {
    from: ['evaluated', 'decided'] as ExerciseStatus[],
    action: 'certification.published',
  },
};

/**
 * The exercise of a year and its timeline: draft -> applications_open -> applications_closed ->
 * evaluated -> decided -> published. The window may be reopened until the evaluation; evaluation
 * lives in CertificationEvaluationService, decisions in CertificationDecisionsService.
 */
@Injectable()
export class CertificationExerciseService {
  constructor(
    private readonly repo: CertificationRepository,
    private readonly audit: AuditService,
  ) {}

  /** The exercise of a year, or 404. */
  async require(year: number): Promise<CertificationExerciseEntity> {
    const ex = await this.repo.getExercise(year);
    if (!ex)
      throw new NotFoundException({
        code: 'EXERCISE_NOT_FOUND',
        params: { year },
        message: `there is no certification exercise for ${year}`,
      });
    return ex;
  }

  async get(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    const ex = await this.require(year);
    return toExerciseResponse(ex, await this.counts(scope, ex));
  }

  async list(scope: AccessScope): Promise<ExerciseListResponse> {
    const rows = await this.repo.listExercises();
    const items: ExerciseResponse[] = [];
    for (const ex of rows)
      items.push(toExerciseResponse(ex, await this.counts(scope, ex)));
    return { items };
  }

  /** How far the units of the caller's scope are; unpublished decisions count for the regulator only. */
  private async counts(
    scope: AccessScope,
    ex: CertificationExerciseEntity,
  ): Promise<ExerciseCounts> {
    const c = emptyCounts();
    const [apps, evals, decisions] = await Promise.all([
      this.repo.applicationCounts(ex.year, scope),
      this.repo.listEvaluations(ex.year, scope),
      ex.status === 'published' || seesUnpublishedDecisions(scope)
        ? this.repo.listDecisions(ex.year, scope)
        : Promise.resolve([]),
    ]);
    c.applications = apps.get('submitted') ?? 0;
    c.withdrawn = apps.get('withdrawn') ?? 0;
    c.evaluated = evals.length;
    for (const e of evals) c.byOutcome[e.outcome] += 1;
    const evaluated = new Set(evals.map((e) => e.institutionCode));
    for (const d of decisions) {
      if (!evaluated.has(d.institutionCode)) continue;
      c.decided += 1;
      if (d.decision === 'confirm') c.confirmed += 1;
      else c.rejected += 1;
    }
    c.pending = c.evaluated - c.decided;
    return c;
  }

  /** POST /api/certification/:year: a draft exercise (the window still closed). */
  async create(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    if (await this.repo.getExercise(year)) {
      throw new ConflictException({
        code: 'EXERCISE_EXISTS',
        params: { year },
        message: `the certification exercise of ${year} already exists`,
      });
    }
    await this.repo.createExercise(
      this.newExercise(year, 'draft', scope.user.username, new Date()),
    );
    await this.audit.record({
      scope,
      action: 'certification.created',
      target: `certification:${year}`,
    });
    return this.get(scope, year);
  }

  /** POST /api/certification/:year/open: opens the application window (creating the exercise when there is none). */
  async open(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    const now = new Date();
    const by = scope.user.username;
    if (!(await this.repo.getExercise(year))) {
      await this.repo.createExercise({
        ...this.newExercise(year, 'applications_open', by, now),
        openedAt: now,
        openedBy: by,
      });
      await this.audit.record({
        scope,
        action: STEPS.open.action,
        target: `certification:${year}`,
      });
      return this.get(scope, year);
    }
    return this.step(scope, year, 'open', {
      status: 'applications_open',
      openedAt: now,
      openedBy: by,
    });
  }

  /** POST /api/certification/:year/close: closes the application window. */
  close(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    return this.step(scope, year, 'close', {
      status: 'applications_closed',
      closedAt: new Date(),
      closedBy: scope.user.username,
    });
  }

  /** POST /api/certification/:year/publish: the list (授牌名单) goes out once every evaluated unit has a decision. */
  async publish(scope: AccessScope, year: number): Promise<ExerciseResponse> {
    const ex = await this.require(year);
    if (STEPS.publish.from.includes(ex.status)) {
      const pending = await this.repo.undecidedCodes(year);
      if (pending.length) {
        const some =
          pending.slice(0, 5).join(', ') + (pending.length > 5 ? ', ...' : '');
        throw new ConflictException({
          code: 'DECISIONS_PENDING',
          params: { year, n: pending.length },
          message: `${pending.length} evaluated unit(s) of ${year} have no decision yet (${some}); decide them before publishing`,
        });
      }
    }
    return this.step(scope, year, 'publish', {
      status: 'published',
      publishedAt: new Date(),
      publishedBy: scope.user.username,
    });
  }

  private async step(
    scope: AccessScope,
    year: number,
    step: keyof typeof STEPS,
    patch: ExercisePatch,
  ): Promise<ExerciseResponse> {
    const ex = await this.require(year);
    const { from, action } = STEPS[step];
    if (
      !from.includes(ex.status) ||
      !(await this.repo.transition(year, from, patch))
    ) {
      const current = (await this.repo.getExercise(year))?.status ?? ex.status;
      throw new ConflictException({
        code: 'EXERCISE_STATE',
        params: { year },
        message: `the exercise of ${year} is ${current}; "${step}" is possible only when it is ${from.join(' or ')}`,
      });
    }
    await this.audit.record({ scope, action, target: `certification:${year}` });
    return this.get(scope, year);
  }

  private newExercise(
    year: number,
    status: ExerciseStatus,
    by: string,
    at: Date,
  ): CertificationExerciseEntity {
    return {
      year,
      status,
      createdAt: at,
      createdBy: by,
      openedAt: null,
      openedBy: null,
      closedAt: null,
      closedBy: null,
      evaluatedAt: null,
      evaluatedBy: null,
      publishedAt: null,
      publishedBy: null,
      runId: null,
      prevRunId: null,
      schemeId: null,
      schemeVersion: null,
    };
  }
}
