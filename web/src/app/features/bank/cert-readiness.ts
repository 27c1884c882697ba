import type {
  CertificationParams,
  CheckCode,
  UnitResultItem,
} from '@sci/shared';

/** One unmet quantitative condition: the measured value, the threshold and the gap. */
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

/**
 * A preview of certification checks C3–C8 from a quarter's results (scoring.md section 7), for
 * the bank view's "close to certification" list. C1/C2 (organisation, mechanisms) need the
 * application, and C3's borrower share needs BA, so this is an estimate, labelled as such; the
 * certification exercise itself is the authority.
 */
export function certificationReadiness(
  u: UnitResultItem,
  p: CertificationParams,
  k3Weight: number,
): Readiness {
  const s: Shortfall[] = [];
  const atLeast = (
    check: CheckCode,
    measure: string,
    value: number | null,
    threshold: number,
    kind: Shortfall['kind'],
  ): void => {
    if (value === null || value < threshold)
      s.push({
        check,
        measure,
        value,
        threshold,
        gap: value === null ? null : threshold - value,
        kind,
      });
  };
  atLeast('C3', 'class.K2', u.values.K2, p.C3.K2_min, 'percent');
  atLeast('C4', 'class.K1', u.values.K1, p.C4.K1_min, 'money');
  atLeast('C4', 'class.K5', u.values.K5, p.C4.K5_min, 'count');
  // C5 passes when K3 scored full marks; NEW_ENTRANT already gives full marks.
  const k3Full = u.scored && u.scores.K3 >= k3Weight * (1 - 1e-9);
  if (!k3Full)
    s.push({
      check: 'C5',
      measure: 'class.K3',
      value: u.values.K3,
      threshold: p.C5.K3_min,
      gap: null,
      kind: 'percent',
    });
  atLeast('C6', 'class.K6', u.values.K6, p.C6.K6_min, 'percent');
  atLeast('C6', 'class.K7', u.values.K7, p.C6.K7_min, 'percent');
  atLeast('C6', 'class.K8', u.values.K8, p.C6.K8_min, 'percent');
  for (const f of p.C7.fail_flags) {
    if (u.flags.includes(f))
      s.push({
        check: 'C7',
        measure: `flag.${f}`,
        value: null,
        threshold: 0,
        gap: null,
        kind: 'flag',
      });
  }
  atLeast(
    'C8',
    'col.composite',
    u.scored ? u.composite : null,
    p.C8.composite_min,
    'points',
  );
  return {
    code: u.code,
    failedChecks: [...new Set(s.map((x) => x.check))],
    shortfalls: s,
  };
}

/**
 * Units "close to certification": scored, C7 (risk and compliance) met, and at most `maxFailed`
 * of C3–C8 unmet; fewest unmet checks first, then the higher composite.
 */
export function closeToCertification(
  units: UnitResultItem[],
  p: CertificationParams,
  k3Weight: number,
  maxFailed = 2,
): { unit: UnitResultItem; readiness: Readiness }[] {
  return units
    .filter((u) => u.scored)
    .map((unit) => ({
      unit,
      readiness: certificationReadiness(unit, p, k3Weight),
    }))
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
