import {
  CLASS_CODES,
  certificationChecks,
  type CheckCode,
  type CheckResult,
  type ClassResult,
  type ExplainResponse,
  type Scheme,
  type UnitResult,
} from '@sci/shared';

/** The checks a period's result decides (C3-C8); C1 and C2 need the year's application. */
export const RESULT_CHECKS: readonly CheckCode[] = [
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
];

export interface UnitReadiness {
  checks: CheckResult[];
  failed: CheckCode[];
}

/** The engine's view of a unit from its explanation: what certificationChecks reads. */
export function unitResultFromExplain(x: ExplainResponse): UnitResult {
  const classes = Object.fromEntries(
    CLASS_CODES.map((k) => {
      const c = x.classes.find((e) => e.code === k);
      const r: ClassResult = {
        code: k,
        value: c?.value ?? null,
        numerator: c?.numerator ?? null,
        denominator: c?.denominator ?? null,
        f: c?.f ?? 0,
        score: c?.points ?? 0,
        weight: c?.weight ?? 0,
      };
      return [k, r];
    }),
  ) as UnitResult['classes'];
  return {
    period: x.run.period,
    code: x.code,
    level: x.level,
    peerGroup: x.peerGroup,
    bankCode: x.bankCode,
    scored: x.scored,
    classes,
    nplRatioAll: x.nplRatioAll,
    allBorrowers: x.allBorrowers,
    quantitative: x.quantitative,
    qualitative: x.qualitative,
    qualitativeBlocks: [],
    composite: x.composite,
    grade: x.grade,
    rankLevel: x.rankLevel,
    rankPeer: x.rankPeer,
    rankBank: x.rankBank,
    flags: x.flags.map((f) => f.code),
  };
}

/**
 * Certification readiness of a unit from this period's result, by the engine's own checks
 * (shared certificationChecks, scoring.md section 7) so the unit page and the bank page tell
 * the same story. Only C3-C8: organisation and mechanisms come from an application.
 */
export function unitReadiness(
  x: ExplainResponse,
  scheme: Scheme,
): UnitReadiness {
  const checks = certificationChecks(
    unitResultFromExplain(x),
    undefined,
    scheme,
  ).filter((c) => RESULT_CHECKS.includes(c.code));
  return { checks, failed: checks.filter((c) => !c.pass).map((c) => c.code) };
}
