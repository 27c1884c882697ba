import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type {
  CertifiedListResponse,
  CountByBank,
  CountByRegion,
  EvaluationItem,
  ExerciseStatus,
  UnitCertificationHistoryResponse,
  UnitHistoryYear,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import {
  isOverride,
  passesOf,
  toDecisionView,
  toEvaluationItem,
  unitRef,
} from './certification-response';
import { CertificationRepository } from './certification.repository';
import {
  CertificationExerciseService,
  seesUnpublishedDecisions,
} from './certification-exercise.service';
import { DecisionDto } from './dto/decision.dto';

/** Statuses in which the regulator records or changes decisions. */
const DECIDING: ExerciseStatus[] = ['evaluated', 'decided'];

/**
 * A year's decisions are final when its exercise is published, or when the year has no exercise
 * at all: its decisions were imported from the register kept before the platform.
 */
export function isPublishedYear(
  statuses: Map<number, ExerciseStatus>,
  year: number,
): boolean {
  const s = statuses.get(year);
  return s === undefined || s === 'published';
}

/**
 * Decisions (the certification register), the published list (授牌名单) and each unit's history.
 * A confirm for Y is what "certified the year before" means for Y+1, whether recorded here or
 * imported (decisions.csv).
 */
@Injectable()
export class CertificationDecisionsService {
  constructor(
    private readonly repo: CertificationRepository,
    private readonly exercises: CertificationExerciseService,
    private readonly units: UnitScopeRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * POST /api/certification/:year/decisions/:code (regulator): confirm (授牌 / kept on the list)
   * or reject, with a reason for a reject and for any decision against the recommendation. The
   * decision, its audit entry and the exercise reaching `decided` are one transaction.
   */
  async decide(
    scope: AccessScope,
    year: number,
    code: string,
    dto: DecisionDto,
  ): Promise<EvaluationItem> {
    const ex = await this.exercises.require(year);
    const evaluation = await this.repo.getEvaluation(year, code);
    if (!evaluation)
      throw new NotFoundException({
        code: 'EVALUATION_NOT_FOUND',
        params: { year },
        message: `${code} has no evaluation for ${year}; only evaluated units are decided`,
      });
    if (!DECIDING.includes(ex.status)) {
      throw new ConflictException({
        code: 'EXERCISE_STATE',
        params: { year },
        message: `the exercise of ${year} is ${ex.status}; decisions are recorded after the evaluation and before publishing`,
      });
    }
    const reason = dto.reason?.trim() || null;
    const override = isOverride(dto.decision, evaluation.outcome);
    if (!reason && (dto.decision === 'reject' || override)) {
      const why = override
        ? `it goes against the recommendation (${evaluation.outcome})`
        : 'it is a reject';
      throw new BadRequestException({
        code: 'REASON_REQUIRED',
        message: `give a reason for this decision: ${why}`,
      });
    }
    const previous = await this.repo.getDecision(year, code);
    const now = new Date();
    await this.repo.saveDecision(
      {
        year,
        institutionCode: code,
        decision: dto.decision,
        reason,
        recommendation: evaluation.outcome,
        source: 'web',
        decidedBy: scope.user.username,
        decidedAt: now,
      },
      async (m) => {
        await this.audit.record(
          {
            scope,
            action: 'decision.recorded',
            target: `unit:${code}`,
            detail: {
              year,
              decision: dto.decision,
              recommendation: evaluation.outcome,
              override,
              reason,
              replaced: previous ? previous.decision : null,
            },
          },
          m,
        );
        if ((await this.repo.undecidedCodes(year, m)).length === 0)
          await this.repo.transition(
            year,
            ['evaluated'],
            { status: 'decided' },
            m,
          );
      },
    );
    const [d, units] = await Promise.all([
      this.repo.getDecision(year, code),
      this.repo.unitsInScope(scope, [code]),
    ]);
    return toEvaluationItem(
      evaluation,
      units.get(code),
      d ? toDecisionView(d) : null,
    );
  }

  /** GET /api/certification/:year/list: confirmed units in scope, once published, with counts by city and bank. */
  async publishedList(
    scope: AccessScope,
    year: number,
  ): Promise<CertifiedListResponse> {
    const [statuses, ex] = await Promise.all([
      this.repo.exerciseStatuses(),
      this.repo.getExercise(year),
    ]);
    const published = isPublishedYear(statuses, year);
    const empty: CertifiedListResponse = {
      year,
      published,
      publishedAt: ex?.publishedAt?.toISOString() ?? null,
      items: [],
      byRegion: [],
      byBank: [],
    };
    if (!published) return empty;
    // a year without an exercise is published only if the imported register has it at all
    if (!ex && (await this.repo.countDecisions(year)) === 0)
      return { ...empty, published: false };
    const confirmed = (await this.repo.listDecisions(year, scope)).filter(
      (d) => d.decision === 'confirm',
    );
    const before = new Set(await this.repo.confirmedCodes(year - 1));
    const units = await this.repo.unitsInScope(
      scope,
      confirmed.map((d) => d.institutionCode),
    );
    const items = confirmed
      .map((d) => {
        const u = units.get(d.institutionCode);
        return {
          ...unitRef(d.institutionCode, u),
          bankName: u?.bankName ?? '',
          recommendation: toDecisionView(d).recommendation,
          newlyCertified: !before.has(d.institutionCode),
        };
      })
      .sort((a, b) =>
        a.institutionCode < b.institutionCode
          ? -1
          : a.institutionCode > b.institutionCode
            ? 1
            : 0,
      );
    const byRegion = new Map<string, number>();
    const byBank = new Map<string, CountByBank>();
    for (const i of items) {
      byRegion.set(i.regionCode, (byRegion.get(i.regionCode) ?? 0) + 1);
      const b = byBank.get(i.bankCode) ?? {
        bankCode: i.bankCode,
        bankName: i.bankName,
        count: 0,
      };
      b.count += 1;
      byBank.set(i.bankCode, b);
    }
    return {
      ...empty,
      items,
      byRegion: [...byRegion]
        .map(([regionCode, count]): CountByRegion => ({ regionCode, count }))
        .sort(
          (a, b) =>
            b.count - a.count || a.regionCode.localeCompare(b.regionCode),
        ),
      byBank: [...byBank.values()].sort(
        (a, b) => b.count - a.count || a.bankCode.localeCompare(b.bankCode),
      ),
    };
  }

  /** GET /api/certification/units/:code: applications, recommendations and decisions across years (404 out of scope). */
  async history(
    scope: AccessScope,
    code: string,
  ): Promise<UnitCertificationHistoryResponse> {
    if (!(await this.units.findVisible(scope, code)))
      throw new NotFoundException({
        code: 'UNIT_NOT_FOUND',
        message: 'no such unit among the units you may see',
      });
    const [h, statuses, units] = await Promise.all([
      this.repo.historyOf(code),
      this.repo.exerciseStatuses(),
      this.repo.unitsInScope(scope, [code]),
    ]);
    const years = [
      ...new Set(
        [...h.applications, ...h.evaluations, ...h.decisions].map(
          (r) => r.year,
        ),
      ),
    ].sort((a, b) => a - b);
    const items = years.map((year): UnitHistoryYear => {
      const a = h.applications.find((r) => r.year === year);
      const e = h.evaluations.find((r) => r.year === year);
      const d = h.decisions.find((r) => r.year === year);
      const published = isPublishedYear(statuses, year);
      const decision =
        d && (published || seesUnpublishedDecisions(scope))
          ? toDecisionView(d)
          : null;
      return {
        year,
        application: a
          ? {
              status: a.status as 'submitted' | 'withdrawn',
              source: a.source as 'import' | 'web',
              submittedAt: a.submittedAt?.toISOString() ?? null,
            }
          : null,
        evaluation: e
          ? { kind: e.kind, recommendation: e.outcome, passes: passesOf(e) }
          : null,
        decision,
        published,
        listed: published && d?.decision === 'confirm',
      };
    });
    const latestPublished = [...items]
      .reverse()
      .find((y) => y.published && y.decision !== null);
    return {
      ...unitRef(code, units.get(code)),
      years: items,
      currentlyCertified: await this.certifiedNow(
        code,
        statuses,
        latestPublished?.year ?? null,
      ),
    };
  }

  /**
   * On the latest published list: the unit's confirm for the newest year whose decisions are
   * final. A unit absent from that year's exercise (neither applied nor certified before) is not.
   */
  private async certifiedNow(
    code: string,
    statuses: Map<number, ExerciseStatus>,
    unitLatest: number | null,
  ): Promise<boolean> {
    const years = (await this.repo.decisionYears()).filter((y) =>
      isPublishedYear(statuses, y),
    );
    const latest = years.length ? Math.max(...years) : null;
    if (latest === null || unitLatest !== latest) return false;
    return (await this.repo.getDecision(latest, code))?.decision === 'confirm';
  }
}
