import { NPL_RISK_CLASSES } from '../scoring/aggregate-stream';
import type { RiskClass } from '../format/enums';
import { periodDate } from '../format/period';
import type { SignalKind, SignalLoanRef, SignalSeverity } from '../api/signals';
import type { SignalBand, SignalParams } from '../scoring/scheme-signals';

/**
 * The rows, context and edge predicates of the integrity signal rules (issue 13): each predicate
 * decides one row at the edges the issue names (exactly N days, maturing on time vs vanishing
 * early, first seen at another bank vs the same bank). Dates are YYYY-MM-DD; day counts are
 * calendar days.
 */

/** A loan row of the period, with its borrower's tech status at the period date (spec section 1). */
export interface SignalRow {
  unit: string;
  loanNo: string;
  uscc: string;
  issueDate: string;
  maturityDate: string;
  amountFen: number;
  balanceFen: number;
  rateE4: number;
  riskClass: RiskClass;
  firstLoan: boolean;
  tech: boolean;
}

/** A loan's row at another snapshot. */
export interface SnapshotState {
  balanceFen: number;
  riskClass: RiskClass;
}

/** What the rules need besides the period's rows; all looked up by the caller (in SQL). */
export interface SignalContext {
  period: string;
  /** bank_code of each booking unit */
  bankOf: ReadonlyMap<string, string>;
  /**
   * Rows of the next snapshot, keyed loanKey(unit, loanNo), for (at least) every loan of the period
   * issued within the window-dressing window and every loan NPL at the previous snapshot; a key
   * missing here is a loan absent from the next snapshot. null: there is no next snapshot yet.
   */
  next: ReadonlyMap<string, SnapshotState> | null;
  /** risk class at the previous snapshot of (at least) every loan that was NPL there */
  previousClass: ReadonlyMap<string, RiskClass>;
  /** for borrowers of new first_loan = Y rows: the (bank, period) of their rows in earlier snapshots */
  earlierRows: ReadonlyMap<
    string,
    readonly { bankCode: string; period: string }[]
  >;
  /** earliest qualification valid_from of borrowers that are tech by qualification only (not strategic emerging) */
  firstQualified: ReadonlyMap<string, string>;
}

export interface ComputedSignal {
  kind: SignalKind;
  code: string;
  severity: SignalSeverity;
  value: number;
  threshold: number;
  basisFen: number;
  amountFen: number;
  rowCount: number;
  rows: SignalLoanRef[];
  /** concentration: the borrower whose share is measured (its rows are looked up by the caller) */
  borrower?: string;
}

export const loanKey = (unit: string, loanNo: string): string =>
  `${unit}\u0000${loanNo}`;

const NPL = new Set<string>(NPL_RISK_CLASSES as readonly string[]);
export const isNplClass = (c: string): boolean => NPL.has(c);

/** Day number of a YYYY-MM-DD date (days since 1970-01-01). */
export function dayNumber(iso: string): number {
  return (
    Date.UTC(
      Number(iso.slice(0, 4)),
      Number(iso.slice(5, 7)) - 1,
      Number(iso.slice(8, 10)),
    ) / 86_400_000
  );
}

/** `date` is 0..n days before `ref` (both ends included: exactly n days before counts). */
export function withinDaysBefore(
  date: string,
  ref: string,
  n: number,
): boolean {
  const d = dayNumber(ref) - dayNumber(date);
  return d >= 0 && d <= n;
}

/** `date` is 1..n days after `ref`. */
export function withinDaysAfter(date: string, ref: string, n: number): boolean {
  const d = dayNumber(date) - dayNumber(ref);
  return d >= 1 && d <= n;
}

/** medium at the threshold, high at `high`; null below the threshold. */
export function severityOf(
  value: number,
  band: SignalBand,
): SignalSeverity | null {
  if (value >= band.high) return 'high';
  if (value >= band.threshold) return 'medium';
  return null;
}

/** Window dressing, one snapshot: issued just before the date and maturing just after it. */
export function isShortWindowLoan(
  r: SignalRow,
  date: string,
  p: SignalParams['window_dressing'],
): boolean {
  return (
    r.tech &&
    r.balanceFen > 0 &&
    withinDaysBefore(r.issueDate, date, p.issued_within_days) &&
    withinDaysAfter(r.maturityDate, date, p.matures_within_days)
  );
}

/**
 * Window dressing, two snapshots: issued just before the date, not due by the next date, and gone
 * from the next snapshot (absent, or there with balance 0). A loan that matured before the next
 * date left on time and does not count.
 */
export function vanishedEarly(
  r: SignalRow,
  date: string,
  nextDate: string,
  next: SnapshotState | undefined,
  p: SignalParams['window_dressing'],
): boolean {
  if (
    !r.tech ||
    r.balanceFen <= 0 ||
    !withinDaysBefore(r.issueDate, date, p.issued_within_days)
  )
    return false;
  if (r.maturityDate <= nextDate) return false;
  return !next || next.balanceFen === 0;
}

/** A first-loan claim: new row flagged first_loan = Y, the borrower had a row at the same bank in a snapshot dated before the loan's issue. */
export function falseFirstLoan(
  r: SignalRow,
  bankCode: string,
  earlier: readonly { bankCode: string; period: string }[] | undefined,
): boolean {
  if (!r.firstLoan || !earlier) return false;
  return earlier.some(
    (e) => e.bankCode === bankCode && periodDate(e.period) < r.issueDate,
  );
}

/** Tech-label timing: a tech row whose borrower became tech (first qualification) 0..N days before the date. */
export function lateTechLabel(
  r: SignalRow,
  date: string,
  firstQualified: string | undefined,
  days: number,
): boolean {
  return (
    r.tech &&
    r.balanceFen > 0 &&
    firstQualified !== undefined &&
    withinDaysBefore(firstQualified, date, days)
  );
}

/** Quarter-end cure: NPL at the previous and the next snapshot, not NPL at the date. */
export function curedForSnapshot(
  r: SignalRow,
  previous: RiskClass | undefined,
  next: SnapshotState | undefined,
): boolean {
  return (
    !isNplClass(r.riskClass) &&
    previous !== undefined &&
    isNplClass(previous) &&
    next !== undefined &&
    isNplClass(next.riskClass)
  );
}

/** Pricing outlier: below the floor, or far below the unit's mean rate of new loans (rates in 1/10000 %). */
export function pricedOutlier(
  rateE4: number,
  unitMeanRateE4: number,
  p: SignalParams['pricing_outlier'],
): boolean {
  return (
    rateE4 < p.rate_floor_pct * 10_000 ||
    rateE4 < unitMeanRateE4 - p.below_unit_rate_bp * 100
  );
}
