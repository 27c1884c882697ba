import type { CheckCode } from '../format/enums';
import type { ApplicationRow } from '../format/rows';
import { compositeTolerance, type Scheme } from './scheme';
import type { CertificationInput, CertificationResult, CheckResult, UnitResult } from './types';

/** Annual certification (spec section 7). */

type Measure = CheckResult['measures'][number];
type Outcome = CertificationResult['outcome'];

/** fen per yuan: approval_limit is stored in fen, its threshold is in yuan. */
const FEN_PER_YUAN = 100;
/** percent of a count ratio (C3 tech borrower share) */
const PERCENT = 100;
/** K3 (pp) at which the growth class reaches full marks: tech growth equal to all-loan growth */
const K3_FULL_MARKS = 0;

/** value >= threshold (+ tol for composites); null fails; shortfall = threshold - value on failure. */
function atLeast(name: string, value: number | null, threshold: number, tol = 0): Measure {
  const pass = value !== null && value + tol >= threshold;
  return {
    name,
    value,
    threshold,
    pass,
    shortfall: pass || value === null ? null : threshold - value,
  };
}

/** value must equal `expected`; a missing value (no application) fails. */
function isTrue(name: string, value: boolean | null, expected = true): Measure {
  return { name, value, threshold: expected, pass: value === expected, shortfall: null };
}

function check(code: CheckCode, measures: Measure[]): CheckResult {
  return { code, pass: measures.every((m) => m.pass), measures };
}

function organisation(app: ApplicationRow | undefined, scheme: Scheme): CheckResult {
  const p = scheme.certification.C1;
  return check('C1', [
    isTrue('designated', app ? app.designated : null, p.designated),
    atLeast('tech_rm_count', app ? app.techRmCount : null, p.tech_rm_count_min),
  ]);
}

/** Application fields of the seven mechanisms, by their exchange-format column name. */
function mechanismValue(app: ApplicationRow, mechanism: string): boolean {
  const byColumn: Record<string, boolean> = {
    separate_credit_plan: app.separateCreditPlan,
    dedicated_pricing: app.dedicatedPricing,
    independent_accounting: app.independentAccounting,
    risk_tolerance: app.riskTolerance,
    approval_channel: app.approvalChannel,
    performance_assessment: app.performanceAssessment,
    due_diligence_exemption: app.dueDiligenceExemption,
  };
  return byColumn[mechanism] ?? false;
}

function mechanisms(app: ApplicationRow | undefined, scheme: Scheme): CheckResult {
  const p = scheme.certification.C2;
  const ftp = app ? app.ftpDiscountBp : null;
  const ftpPass = ftp !== null && ftp > 0 && ftp <= p.ftp_discount_bp_max;
  return check('C2', [
    ...p.mechanisms.map((m) => isTrue(m, app ? mechanismValue(app, m) : null)),
    {
      name: 'ftp_discount_bp',
      value: ftp,
      threshold: `(0, ${p.ftp_discount_bp_max}]`,
      pass: ftpPass,
      // the excess over the cap; a discount of 0 has no numeric shortfall (any positive one passes)
      shortfall: ftp !== null && ftp > p.ftp_discount_bp_max ? ftp - p.ftp_discount_bp_max : null,
    },
    atLeast(
      'approval_limit',
      app ? app.approvalLimitFen / FEN_PER_YUAN : null,
      p.approval_limit_min,
    ),
  ]);
}

/** C3-C8 from the unit's fourth-quarter result; an unscored unit has no values and fails all. */
function resultChecks(r: UnitResult | undefined, scheme: Scheme): CheckResult[] {
  const c = scheme.certification;
  const tol = compositeTolerance(scheme);
  const scored = r !== undefined && r.scored;
  const value = (k: 'K1' | 'K2' | 'K3' | 'K5' | 'K6' | 'K7' | 'K8'): number | null =>
    scored ? r.classes[k].value : null;
  const k5 = value('K5');
  const share =
    scored && k5 !== null && r.allBorrowers > 0 ? (PERCENT * k5) / r.allBorrowers : null;
  const newEntrant = scored && r.flags.includes('NEW_ENTRANT');
  // full marks (f = 1) is gS > 0 and gS >= gA, i.e. tech loans grew and K3 >= 0; a K3_min above
  // 0 asks more (scoring.md appendix), one below 0 must not let a unit short of full marks pass
  const grew = scored && r.classes.K3.f > 0;
  const k3 = value('K3');
  const growth: Measure[] = newEntrant
    ? [isTrue('NEW_ENTRANT', true, c.C5.new_entrant_passes)]
    : [
        atLeast('K3', k3, Math.max(K3_FULL_MARKS, c.C5.K3_min)),
        isTrue('tech_loans_grew', scored ? grew : null),
      ];
  return [
    check('C3', [
      atLeast('K2', value('K2'), c.C3.K2_min),
      atLeast('tech_borrower_share', share, c.C3.tech_borrower_share_min),
    ]),
    check('C4', [atLeast('K1', value('K1'), c.C4.K1_min), atLeast('K5', k5, c.C4.K5_min)]),
    check('C5', growth),
    check('C6', [
      atLeast('K6', value('K6'), c.C6.K6_min),
      atLeast('K7', value('K7'), c.C6.K7_min),
      atLeast('K8', value('K8'), c.C6.K8_min),
    ]),
    check(
      'C7',
      scored
        ? c.C7.fail_flags.map((f) => isTrue(f, r.flags.includes(f), false))
        : [isTrue('scored', false)],
    ),
    check('C8', [atLeast('composite', scored ? r.composite : null, c.C8.composite_min, tol)]),
  ];
}

/** C1-C8 of a unit for one year, from its fourth-quarter result and its application. */
export function certificationChecks(
  r: UnitResult | undefined,
  app: ApplicationRow | undefined,
  scheme: Scheme,
): CheckResult[] {
  return [organisation(app, scheme), mechanisms(app, scheme), ...resultChecks(r, scheme)];
}

function passes(checks: CheckResult[], code: CheckCode): boolean {
  return checks.find((c) => c.code === code)?.pass ?? false;
}

/**
 * Outcome of an applicant: certify if all checks pass; else upgrade if the required checks
 * (C2, C7) pass, at least checks_passed_min pass and composite >= composite_min; else reserve
 * if C7 passes; else not_eligible. Composites compare with + tolerance.
 */
export function applicantOutcome(
  checks: CheckResult[],
  composite: number | null,
  scheme: Scheme,
): Outcome {
  const c = scheme.certification;
  if (checks.every((k) => k.pass)) return 'certify';
  const passed = checks.filter((k) => k.pass).length;
  if (
    c.upgrade.required.every((k) => passes(checks, k)) &&
    passed >= c.upgrade.checks_passed_min &&
    composite !== null &&
    composite + compositeTolerance(scheme) >= c.upgrade.composite_min
  ) {
    return 'upgrade';
  }
  return c.reserve.required.every((k) => passes(checks, k)) ? 'reserve' : 'not_eligible';
}

/**
 * Outcome of a unit certified the year before: delist if a required check (C7) fails, the
 * composite is below composite_below (or the unit is not scored), or one of the two-year checks
 * fails both in Y and in Y-1; otherwise retain.
 */
export function certifiedOutcome(
  checks: CheckResult[],
  previous: CheckResult[],
  composite: number | null,
  scheme: Scheme,
): Outcome {
  const d = scheme.certification.delist;
  if (!d.required.every((k) => passes(checks, k))) return 'delist';
  if (composite === null || composite + compositeTolerance(scheme) < d.composite_below)
    return 'delist';
  const twoYearFailure = d.two_year_failure_checks.some(
    (k) => !passes(checks, k) && !passes(previous, k),
  );
  return twoYearFailure ? 'delist' : 'retain';
}

/**
 * Annual certification of year Y (spec section 7) for every unit with an application for Y and
 * every unit certified for Y-1 (a confirm decision), ordered by code. Checks use the Y fourth
 * quarter results; a certified unit gets only retain/delist even if it applied, judged with its
 * Y-1 checks too (Y-1 fourth-quarter results and Y-1 application).
 */
export function evaluateCertification(
  input: CertificationInput,
  scheme: Scheme,
): CertificationResult[] {
  const resultY = new Map(input.resultsY.map((r) => [r.code, r]));
  const resultPrev = new Map(input.resultsPrev.map((r) => [r.code, r]));
  const appY = new Map(
    input.applicationsY.filter((a) => a.year === input.year).map((a) => [a.institutionCode, a]),
  );
  const appPrev = new Map(
    input.applicationsPrev
      .filter((a) => a.year === input.year - 1)
      .map((a) => [a.institutionCode, a]),
  );
  const certified = new Set(input.certifiedPrev);
  const codes = [...new Set([...appY.keys(), ...certified])].sort();

  return codes.map((code): CertificationResult => {
    const r = resultY.get(code);
    const composite = r && r.scored ? r.composite : null;
    const checks = certificationChecks(r, appY.get(code), scheme);
    if (!certified.has(code)) {
      return {
        year: input.year,
        code,
        kind: 'applicant',
        outcome: applicantOutcome(checks, composite, scheme),
        checks,
        composite,
      };
    }
    const previousChecks = certificationChecks(resultPrev.get(code), appPrev.get(code), scheme);
    return {
      year: input.year,
      code,
      kind: 'certified',
      outcome: certifiedOutcome(checks, previousChecks, composite, scheme),
      checks,
      previousChecks,
      composite,
    };
  });
}
