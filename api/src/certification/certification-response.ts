import {
  CERTIFICATION_OUTCOMES,
  CHECK_CODES,
  type ApplicationSource,
  type ApplicationStatus,
  type CertificationApplicationResponse,
  type CertificationOutcome,
  type CertificationResult,
  type CertificationUnitRef,
  type CheckCode,
  type CheckView,
  type Decision,
  type DecisionView,
  type EvaluationDetailResponse,
  type EvaluationItem,
  type ExerciseCounts,
  type ExerciseResponse,
  type InstitutionLevel,
  type LocalizedText,
  type Scheme,
} from '@sci/shared';
import type {
  CertificationApplicationEntity,
  CertificationDecisionEntity,
} from '../dataset/entities/certification-register.entity';
import type { UnitInfoRow } from './certification.repository';
import { shortfallTexts, toCheckViews } from './check-wording';
import type { CertificationEvaluationEntity } from './entities/certification-evaluation.entity';
import type { CertificationExerciseEntity } from './entities/certification-exercise.entity';
import { explainOutcome } from './outcome-explanation';

/** Pure mappings between stored rows, the engine's results and the API's responses. */

const FEN_PER_YUAN = 100;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The register decision a recommendation implies: certify / retain put the unit on the list. */
export function impliedDecision(outcome: CertificationOutcome): Decision {
  return outcome === 'certify' || outcome === 'retain' ? 'confirm' : 'reject';
}

export function isOverride(
  decision: Decision,
  recommendation: CertificationOutcome | null,
): boolean {
  return (
    recommendation !== null && impliedDecision(recommendation) !== decision
  );
}

export function emptyCounts(): ExerciseCounts {
  return {
    applications: 0,
    withdrawn: 0,
    evaluated: 0,
    byOutcome: Object.fromEntries(
      CERTIFICATION_OUTCOMES.map((o) => [o, 0]),
    ) as Record<CertificationOutcome, number>,
    decided: 0,
    pending: 0,
    confirmed: 0,
    rejected: 0,
  };
}

export function toExerciseResponse(
  e: CertificationExerciseEntity,
  counts: ExerciseCounts,
): ExerciseResponse {
  return {
    year: e.year,
    status: e.status,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    openedAt: iso(e.openedAt),
    openedBy: e.openedBy,
    closedAt: iso(e.closedAt),
    closedBy: e.closedBy,
    evaluatedAt: iso(e.evaluatedAt),
    evaluatedBy: e.evaluatedBy,
    publishedAt: iso(e.publishedAt),
    publishedBy: e.publishedBy,
    runId: e.runId,
    previousRunId: e.prevRunId,
    schemeId: e.schemeId,
    schemeVersion: e.schemeVersion,
    counts,
  };
}

export function unitRef(
  code: string,
  u: UnitInfoRow | undefined,
): CertificationUnitRef {
  return {
    institutionCode: code,
    name: u?.name ?? code,
    level: (u?.level ?? 'outlet') as InstitutionLevel,
    bankCode: u?.bankCode ?? '',
    regionCode: u?.regionCode ?? '',
  };
}

export function toApplicationResponse(
  a: CertificationApplicationEntity,
  u: UnitInfoRow | undefined,
): CertificationApplicationResponse {
  return {
    ...unitRef(a.institutionCode, u),
    year: a.year,
    designated: a.designated,
    techRmCount: a.techRmCount,
    separateCreditPlan: a.separateCreditPlan,
    dedicatedPricing: a.dedicatedPricing,
    independentAccounting: a.independentAccounting,
    riskTolerance: a.riskTolerance,
    approvalChannel: a.approvalChannel,
    performanceAssessment: a.performanceAssessment,
    dueDiligenceExemption: a.dueDiligenceExemption,
    ftpDiscountBp: a.ftpDiscountBp,
    approvalLimit: a.approvalLimitFen / FEN_PER_YUAN,
    source: a.source as ApplicationSource,
    status: a.status as ApplicationStatus,
    submittedBy: a.submittedBy,
    submittedAt: iso(a.submittedAt),
  };
}

export function toDecisionView(d: CertificationDecisionEntity): DecisionView {
  const recommendation =
    (d.recommendation as CertificationOutcome | null) ?? null;
  const decision = d.decision as Decision;
  return {
    decision,
    reason: d.reason,
    recommendation,
    override: isOverride(decision, recommendation),
    source: d.source as ApplicationSource,
    decidedBy: d.decidedBy,
    decidedAt: iso(d.decidedAt),
  };
}

/** The engine's result of one unit as a stored evaluation row (checks in words, with the scheme's figures). */
export function toEvaluationEntity(
  r: CertificationResult,
  scheme: Scheme,
  runId: number,
  at: Date,
): CertificationEvaluationEntity {
  const pass = (c: CheckCode): boolean =>
    r.checks.find((k) => k.code === c)?.pass ?? false;
  return {
    year: r.year,
    institutionCode: r.code,
    kind: r.kind,
    outcome: r.outcome,
    composite: r.composite,
    c1: pass('C1'),
    c2: pass('C2'),
    c3: pass('C3'),
    c4: pass('C4'),
    c5: pass('C5'),
    c6: pass('C6'),
    c7: pass('C7'),
    c8: pass('C8'),
    checks: JSON.stringify(toCheckViews(r.checks, scheme)),
    previousChecks: r.previousChecks
      ? JSON.stringify(toCheckViews(r.previousChecks, scheme))
      : null,
    explanation: JSON.stringify(explainOutcome(r, scheme)),
    runId,
    evaluatedAt: at,
  };
}

export function passesOf(
  e: CertificationEvaluationEntity,
): Record<CheckCode, boolean> {
  const flags = [e.c1, e.c2, e.c3, e.c4, e.c5, e.c6, e.c7, e.c8];
  return Object.fromEntries(CHECK_CODES.map((c, i) => [c, flags[i]])) as Record<
    CheckCode,
    boolean
  >;
}

export function toEvaluationItem(
  e: CertificationEvaluationEntity,
  u: UnitInfoRow | undefined,
  decision: DecisionView | null,
): EvaluationItem {
  return {
    ...unitRef(e.institutionCode, u),
    year: e.year,
    kind: e.kind,
    recommendation: e.outcome,
    composite: e.composite,
    passes: passesOf(e),
    shortfalls: shortfallTexts(JSON.parse(e.checks) as CheckView[]),
    decision,
  };
}

export function toEvaluationDetail(
  e: CertificationEvaluationEntity,
  u: UnitInfoRow | undefined,
  decision: DecisionView | null,
  previousRunId: number | null,
): EvaluationDetailResponse {
  return {
    ...toEvaluationItem(e, u, decision),
    checks: JSON.parse(e.checks) as CheckView[],
    previousChecks: e.previousChecks
      ? (JSON.parse(e.previousChecks) as CheckView[])
      : null,
    explanation: JSON.parse(e.explanation) as LocalizedText,
    runId: e.runId,
    previousRunId,
  };
}
