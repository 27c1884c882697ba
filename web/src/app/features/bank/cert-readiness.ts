import {
  CLASS_CODES,
  type CheckCode,
  type CheckResult,
  type ClassCode,
  type ClassResult,
  type Scheme,
  type UnitResult,
  type UnitResultItem,
  certificationChecks,
} from '@sci/shared';

/** One unmet condition: the measured value, the threshold and the gap. */
export interface Shortfall {
  check: CheckCode;
  /** message key of the measure, e.g. `class.K2` */
  measure: string;
  value: number | null;
  threshold: number;
  /** threshold - value (null when the value is missing) */
  gap: number | null;
  /** how value and threshold are formatted */
  kind: 'percent' | 'money' | 'count' | 'points' | 'flag';
}

export interface Readiness {
  code: string;
  failedChecks: CheckCode[];
  shortfalls: Shortfall[];
}

/** The checks a quarter's results decide (C1 and C2 need the application). */
const RESULT_CHECKS: readonly CheckCode[] = [
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
];
/**
 * C3's borrower share is 100 * K5 / BA; a results list does not carry BA, so that one measure
 * is left out of the preview (the exercise itself measures it).
 */
const NOT_IN_LIST = new Set(['tech_borrower_share']);

/**
 * A list item as the engine's UnitResult, enough for certificationChecks: class values and f
 * (score / the run scheme's weight), flags and composite.
 */
function asEngineResult(u: UnitResultItem, scheme: Scheme): UnitResult {
  const classes = Object.fromEntries(
    CLASS_CODES.map((k): [ClassCode, ClassResult] => {
      const weight = scheme.classes[k].weight;
      return [
        k,
        {
          code: k,
          value: u.values[k],
          numerator: null,
          denominator: null,
          weight,
          score: u.scores[k],
          f: weight > 0 ? u.scores[k] / weight : 0,
        },
      ];
    }),
  ) as Record<ClassCode, ClassResult>;
  return {
    period: u.period,
    code: u.code,
    level: u.level,
    peerGroup: u.peerGroup,
    bankCode: u.bankCode,
    scored: u.scored,
    classes,
    nplRatioAll: null,
    allBorrowers: 0,
    quantitative: u.quantitative,
    qualitative: u.qualitative,
    qualitativeBlocks: [],
    composite: u.composite,
    grade: u.grade,
    rankLevel: u.rankLevel,
    rankPeer: u.rankPeer,
    rankBank: u.rankBank,
    flags: u.flags,
  };
}

const KIND: Partial<Record<string, Shortfall['kind']>> = {
  K1: 'money',
  K5: 'count',
  composite: 'points',
};

function shortfallOf(
  check: CheckResult,
  m: CheckResult['measures'][number],
): Shortfall {
  if (check.code === 'C7')
    return {
      check: check.code,
      measure: `flag.${m.name}`,
      value: null,
      threshold: 0,
      gap: null,
      kind: 'flag',
    };
  const value = typeof m.value === 'number' ? m.value : null;
  const threshold = typeof m.threshold === 'number' ? m.threshold : 0;
  const measure =
    m.name === 'composite'
      ? 'col.composite'
      : /^K\d+$/.test(m.name)
        ? `class.${m.name}`
        : 'class.K3';
  return {
    check: check.code,
    measure,
    value,
    threshold,
    gap: m.shortfall,
    kind: KIND[m.name] ?? 'percent',
  };
}

/**
 * A preview of certification checks C3–C8 from a quarter's results (scoring.md section 7), by the
 * engine's own certificationChecks with the scheme of the run shown, for the bank view's "close to
 * certification" list. C1/C2 need the application and C3's borrower share needs BA, so this is an
 * estimate, labelled as such; the certification exercise itself is the authority.
 */
export function certificationReadiness(
  u: UnitResultItem,
  scheme: Scheme,
): Readiness {
  const checks = certificationChecks(
    asEngineResult(u, scheme),
    undefined,
    scheme,
  ).filter((c) => RESULT_CHECKS.includes(c.code));
  const shortfalls: Shortfall[] = [];
  const failedChecks: CheckCode[] = [];
  for (const c of checks) {
    const failed = c.measures.filter(
      (m) => !m.pass && !NOT_IN_LIST.has(m.name),
    );
    if (!failed.length) continue;
    failedChecks.push(c.code);
    // growth is one condition in words (K3 at full marks), however many measures it has
    shortfalls.push(
      ...(c.code === 'C5'
        ? [shortfallOf(c, failed[0])]
        : failed.map((m) => shortfallOf(c, m))),
    );
  }
  return { code: u.code, failedChecks, shortfalls };
}

/**
 * Units "close to certification": scored, C7 (risk and compliance) met, and at most `maxFailed`
 * of C3–C8 unmet; fewest unmet checks first, then the higher composite.
 */
export function closeToCertification(
  units: UnitResultItem[],
  scheme: Scheme,
  maxFailed = 2,
): { unit: UnitResultItem; readiness: Readiness }[] {
  return units
    .filter((u) => u.scored)
    .map((unit) => ({ unit, readiness: certificationReadiness(unit, scheme) }))
    .filter(
      (x) =>
        x.readiness.failedChecks.length <= maxFailed &&
        !x.readiness.failedChecks.includes('C7'),
    )
    .sort(
      (a, b) =>
        a.readiness.failedChecks.length - b.readiness.failedChecks.length ||
        b.unit.composite - a.unit.composite,
    );
}
