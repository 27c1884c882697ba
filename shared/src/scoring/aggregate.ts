import type { QualificationKind, RiskClass } from '../format/enums';
import { periodDate, periodYear } from '../format/period';
import type { EnterpriseRow, LoanRow, QualificationRow } from '../format/rows';
import type { PeriodAggregates, UnitInfo, UnitLoanAggregate } from './types';

/**
 * The reference aggregation of one period's loan rows (spec section 1-2). The API computes the
 * same numbers in SQL; this file is the definition they are tested against.
 */

/** Qualification kinds that make a borrower an SME-tech borrower (K4). */
export const SME_TECH_KINDS: readonly QualificationKind[] = [
  'tech_sme',
  'innovative_sme',
  'srdi_sme',
  'little_giant',
];
/** Risk classes that make a row non-performing. */
export const NPL_RISK_CLASSES: readonly RiskClass[] = ['substandard', 'doubtful', 'loss'];

/** Borrower status at a date: tech (strategic emerging or any valid qualification) and SME-tech. */
export interface BorrowerStatus {
  tech: boolean;
  smeTech: boolean;
}

/**
 * Status of every enterprise at date d (YYYY-MM-DD). A qualification is valid on d when
 * valid_from <= d <= valid_to (ISO dates compare as strings). Enterprises absent from the list
 * are neither tech nor SME-tech unless a qualification says so.
 */
export function borrowerStatusAt(
  d: string,
  enterprises: EnterpriseRow[],
  qualifications: QualificationRow[],
): Map<string, BorrowerStatus> {
  const status = new Map<string, BorrowerStatus>();
  for (const e of enterprises) status.set(e.uscc, { tech: e.strategicEmerging, smeTech: false });
  for (const q of qualifications) {
    if (!(q.validFrom <= d && d <= q.validTo)) continue;
    const s = status.get(q.uscc) ?? { tech: false, smeTech: false };
    s.tech = true;
    if (SME_TECH_KINDS.includes(q.kind)) s.smeTech = true;
    status.set(q.uscc, s);
  }
  return status;
}

/**
 * The same calendar day one year after an ISO date; 29 February maps to 28 February.
 * Pure string arithmetic: no time zone can shift it.
 */
export function oneYearAfter(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) + 1;
  const monthDay = isoDate.slice(5) === '02-29' ? '02-28' : isoDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Long-term row: maturity later than the same calendar day one year after issue. */
export function isLongTerm(issueDate: string, maturityDate: string): boolean {
  return maturityDate > oneYearAfter(issueDate);
}

/** Codes of u and all its ancestors, u first (the units whose sub() contains u). */
function ancestorsAndSelf(code: string, parentOf: Map<string, string | null>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let c: string | null | undefined = code; c && !seen.has(c); c = parentOf.get(c)) {
    if (!parentOf.has(c)) break;
    chain.push(c);
    seen.add(c);
  }
  return chain;
}

/** Mutable accumulator: money sums as BigInt because sum(amount_fen * rate_e4) passes 2^53. */
interface Acc {
  rowCount: number;
  balanceAll: bigint;
  balanceTech: bigint;
  balanceTechSme: bigint;
  balanceTechCreditIp: bigint;
  balanceTechLong: bigint;
  balanceTechNpl: bigint;
  balanceAllNpl: bigint;
  techBorrowers: Set<string>;
  allBorrowers: Set<string>;
  newTechBorrowers: Set<string>;
  newTechFirstBorrowers: Set<string>;
  newTechAmount: bigint;
  newTechRateAmount: bigint;
  newAllAmount: bigint;
  newAllRateAmount: bigint;
}

function newAcc(): Acc {
  const zero = BigInt(0);
  return {
    rowCount: 0,
    balanceAll: zero,
    balanceTech: zero,
    balanceTechSme: zero,
    balanceTechCreditIp: zero,
    balanceTechLong: zero,
    balanceTechNpl: zero,
    balanceAllNpl: zero,
    techBorrowers: new Set(),
    allBorrowers: new Set(),
    newTechBorrowers: new Set(),
    newTechFirstBorrowers: new Set(),
    newTechAmount: zero,
    newTechRateAmount: zero,
    newAllAmount: zero,
    newAllRateAmount: zero,
  };
}

function addRow(
  acc: Acc,
  row: LoanRow,
  status: BorrowerStatus | undefined,
  newSince: string,
): void {
  const tech = status?.tech ?? false;
  const balance = BigInt(row.balanceFen);
  const amount = BigInt(row.amountFen);
  const rateAmount = amount * BigInt(row.rateE4);
  const isNew = row.issueDate >= newSince;
  const npl = NPL_RISK_CLASSES.includes(row.riskClass);
  acc.rowCount += 1;
  acc.balanceAll += balance;
  if (npl) acc.balanceAllNpl += balance;
  if (row.balanceFen > 0) acc.allBorrowers.add(row.uscc);
  if (isNew) {
    acc.newAllAmount += amount;
    acc.newAllRateAmount += rateAmount;
  }
  if (!tech) return;
  acc.balanceTech += balance;
  if (status?.smeTech) acc.balanceTechSme += balance;
  if (row.guarantee === 'credit' || row.guarantee === 'ip_pledge')
    acc.balanceTechCreditIp += balance;
  if (isLongTerm(row.issueDate, row.maturityDate)) acc.balanceTechLong += balance;
  if (npl) acc.balanceTechNpl += balance;
  if (row.balanceFen > 0) acc.techBorrowers.add(row.uscc);
  if (isNew) {
    acc.newTechBorrowers.add(row.uscc);
    if (row.firstLoan) acc.newTechFirstBorrowers.add(row.uscc);
    acc.newTechAmount += amount;
    acc.newTechRateAmount += rateAmount;
  }
}

function freeze(code: string, a: Acc): UnitLoanAggregate {
  // Number() of an exact integer rounds once to the nearest double: the same as the SQL path.
  return {
    code,
    rowCount: a.rowCount,
    balanceAll: Number(a.balanceAll),
    balanceTech: Number(a.balanceTech),
    balanceTechSme: Number(a.balanceTechSme),
    balanceTechCreditIp: Number(a.balanceTechCreditIp),
    balanceTechLong: Number(a.balanceTechLong),
    balanceTechNpl: Number(a.balanceTechNpl),
    balanceAllNpl: Number(a.balanceAllNpl),
    techBorrowers: a.techBorrowers.size,
    allBorrowers: a.allBorrowers.size,
    newTechBorrowers: a.newTechBorrowers.size,
    newTechFirstBorrowers: a.newTechFirstBorrowers.size,
    newTechAmount: Number(a.newTechAmount),
    newTechRateAmount: Number(a.newTechRateAmount),
    newAllAmount: Number(a.newAllAmount),
    newAllRateAmount: Number(a.newAllRateAmount),
  };
}

/**
 * Aggregates of every unit at `period` over sub(u) (the unit and all its descendants), from the
 * loan rows of that period (rows of other periods are ignored, so all loans may be passed).
 * Tech and SME-tech status is decided at the period's date; a new row has issue_date >= 1 January
 * of the period's year. Distinct borrower counts are distinct uscc over the whole subtree.
 * `units` holds only units with at least one row in their subtree (a unit absent there has A = 0),
 * keyed and inserted in code order. Rows booked at a code that is not a unit are ignored.
 */
export function aggregatePeriod(
  period: string,
  units: UnitInfo[],
  loans: LoanRow[],
  enterprises: EnterpriseRow[],
  qualifications: QualificationRow[],
): PeriodAggregates {
  const status = borrowerStatusAt(periodDate(period), enterprises, qualifications);
  const newSince = `${periodYear(period)}-01-01`;
  const parentOf = new Map<string, string | null>(units.map((u) => [u.code, u.parentCode]));
  const accs = new Map<string, Acc>();
  const chains = new Map<string, string[]>();
  let hasData = false;
  for (const row of loans) {
    if (row.period !== period) continue;
    hasData = true;
    let chain = chains.get(row.institutionCode);
    if (!chain) {
      chain = ancestorsAndSelf(row.institutionCode, parentOf);
      chains.set(row.institutionCode, chain);
    }
    const s = status.get(row.uscc);
    for (const code of chain) {
      let acc = accs.get(code);
      if (!acc) {
        acc = newAcc();
        accs.set(code, acc);
      }
      addRow(acc, row, s, newSince);
    }
  }
  const out: Record<string, UnitLoanAggregate> = {};
  for (const code of [...accs.keys()].sort()) out[code] = freeze(code, accs.get(code) as Acc);
  return { period, hasData, units: out };
}
