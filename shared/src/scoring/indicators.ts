import type { ClassCode } from '../format/enums';
import type { UnitLoanAggregate } from './types';

/**
 * Indicator values of spec section 2, from one unit's aggregates. Formulas are written in the
 * spec's own order of operations so an independent implementation lands on the same doubles.
 */

/** fen per yuan: money is aggregated in integer fen and shown in yuan. */
const FEN_PER_YUAN = 100;
/** rate_e4 per percent: rates are aggregated as integer 1/10000 percent. */
const RATE_E4_PER_PERCENT = 10000;
/** percent of a fraction, and basis points of a percentage-point difference. */
const PERCENT = 100;

/** The indicator value with what it was computed from (for the explain page). */
export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface UnitIndicators {
  /** A and S in fen (A > 0: the unit is scored) */
  balanceAll: number;
  balanceTech: number;
  /** K1..K10; K3 here has its value only, its score needs the baseline (growth.ts) */
  values: Record<ClassCode, IndicatorValue>;
  /** NA: 100 * NPL balance of all rows / A (percent), null when A = 0 */
  nplRatioAll: number | null;
  /** BA: distinct borrowers of all rows with balance > 0 */
  allBorrowers: number;
}

/** The baseline of K3: A0 and S0 in fen at p0, or null when the unit has no baseline. */
export interface Baseline {
  balanceAll: number;
  balanceTech: number;
}

/** An aggregate of zeros: a unit without rows at a period. */
export function emptyAggregate(code: string): UnitLoanAggregate {
  return {
    code,
    rowCount: 0,
    balanceAll: 0,
    balanceTech: 0,
    balanceTechSme: 0,
    balanceTechCreditIp: 0,
    balanceTechLong: 0,
    balanceTechNpl: 0,
    balanceAllNpl: 0,
    techBorrowers: 0,
    allBorrowers: 0,
    newTechBorrowers: 0,
    newTechFirstBorrowers: 0,
    newTechAmount: 0,
    newTechRateAmount: 0,
    newAllAmount: 0,
    newAllRateAmount: 0,
  };
}

/**
 * The K3 baseline of a unit: null ("no baseline") when it had no rows at p0 or A0 = 0.
 * `agg` is the unit's aggregate at p0, undefined when the dataset or the unit has none.
 */
export function baselineOf(agg: UnitLoanAggregate | undefined): Baseline | null {
  if (!agg || agg.rowCount === 0 || agg.balanceAll === 0) return null;
  return { balanceAll: agg.balanceAll, balanceTech: agg.balanceTech };
}

/** `100 * num / den` in percent, null when den = 0. */
function percentOf(num: number, den: number): IndicatorValue {
  return { value: den === 0 ? null : (PERCENT * num) / den, numerator: num, denominator: den };
}

/** Money share in percent: numerator and denominator reported in yuan. */
function moneyShare(numFen: number, denFen: number): IndicatorValue {
  const v = percentOf(numFen, denFen);
  return { value: v.value, numerator: numFen / FEN_PER_YUAN, denominator: denFen / FEN_PER_YUAN };
}

/**
 * K3 growth vs all loans, pp: `100*((S/S0-1)-(A/A0-1))`, null when S0 = 0 or no baseline.
 * numerator/denominator: S0 and A0 in yuan.
 */
export function growthValue(s: number, a: number, base: Baseline | null): IndicatorValue {
  if (!base) return { value: null, numerator: null, denominator: null };
  const value =
    base.balanceTech === 0
      ? null
      : PERCENT * (s / base.balanceTech - 1 - (a / base.balanceAll - 1));
  return {
    value,
    numerator: base.balanceTech / FEN_PER_YUAN,
    denominator: base.balanceAll / FEN_PER_YUAN,
  };
}

/**
 * K9 pricing, bp: `100*(rT-rA)` with rT, rA the amount-weighted mean rate (percent) of new tech
 * rows and of all new rows; null when there is no new tech row. numerator/denominator: rT, rA.
 */
export function pricingValue(agg: UnitLoanAggregate): IndicatorValue {
  if (agg.newTechAmount === 0 || agg.newAllAmount === 0)
    return { value: null, numerator: null, denominator: null };
  const rT = agg.newTechRateAmount / agg.newTechAmount / RATE_E4_PER_PERCENT;
  const rA = agg.newAllRateAmount / agg.newAllAmount / RATE_E4_PER_PERCENT;
  return { value: PERCENT * (rT - rA), numerator: rT, denominator: rA };
}

/**
 * All indicator values of a unit at a period (spec section 2) and NA, BA. `agg` undefined: no
 * rows (A = 0). `base`: the K3 baseline at p0 (baselineOf), null when none.
 * - K1 `S` yuan; K2 `100*S/A` %; K3 see growthValue; K4 `100*S_sme/S` %; K5 tech borrowers;
 * - K6 `100*first/new` tech borrowers %; K7 `100*S_credit_ip/S` %; K8 `100*S_long/S` %;
 * - K9 see pricingValue; K10 `100*S_npl/S` %.
 */
export function computeIndicators(
  agg: UnitLoanAggregate | undefined,
  base: Baseline | null,
): UnitIndicators {
  const a = agg ?? emptyAggregate('');
  const S = a.balanceTech;
  const A = a.balanceAll;
  const values: Record<ClassCode, IndicatorValue> = {
    K1: { value: S / FEN_PER_YUAN, numerator: S / FEN_PER_YUAN, denominator: null },
    K2: moneyShare(S, A),
    K3: growthValue(S, A, base),
    K4: moneyShare(a.balanceTechSme, S),
    K5: { value: a.techBorrowers, numerator: a.techBorrowers, denominator: null },
    K6: percentOf(a.newTechFirstBorrowers, a.newTechBorrowers),
    K7: moneyShare(a.balanceTechCreditIp, S),
    K8: moneyShare(a.balanceTechLong, S),
    K9: pricingValue(a),
    K10: moneyShare(a.balanceTechNpl, S),
  };
  return {
    balanceAll: A,
    balanceTech: S,
    values,
    nplRatioAll: A === 0 ? null : (PERCENT * a.balanceAllNpl) / A,
    allBorrowers: a.allBorrowers,
  };
}
