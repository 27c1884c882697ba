import type { LoanRow } from '../format/rows';
import type { RiskClass } from '../format/enums';
import type { BorrowerStatus } from './borrower-status';
import type { PeriodAggregates, UnitInfo, UnitLoanAggregate } from './types';

/**
 * Spec sections 1-2 as one streaming aggregator: the only implementation of a period's loan
 * aggregates. The reference `aggregatePeriod` is a loop over it; the API feeds it rows streamed
 * from the database (or per-borrower partial sums the database computed), never holding rows.
 *
 * Money stays exact: sums run in doubles below 2^52 and spill into BigInt beyond, and a unit's
 * totals become doubles once, at the end (Number of the exact integer sum).
 */

/** The columns of a loan row that decide its aggregates (a LoanRow is one). */
export type LoanFacts = Pick<
  LoanRow,
  | 'institutionCode'
  | 'uscc'
  | 'issueDate'
  | 'maturityDate'
  | 'amountFen'
  | 'balanceFen'
  | 'rateE4'
  | 'guarantee'
  | 'riskClass'
  | 'firstLoan'
>;

/**
 * What all rows of one borrower (uscc) booked at one unit contribute at a period, summed: the
 * unit of work a database can compute with `GROUP BY institution_code, uscc`. Money in fen,
 * `newRateAmount` in fen * rate_e4 (a bigint when it passes 2^53).
 */
export interface BorrowerPartial {
  institutionCode: string;
  uscc: string;
  rowCount: number;
  /** sum of balance_fen */
  balance: number | bigint;
  /** of rows whose risk class is NPL */
  balanceNpl: number | bigint;
  /** of rows guaranteed by credit or IP pledge */
  balanceCreditIp: number | bigint;
  /** of long-term rows */
  balanceLong: number | bigint;
  /** sum of amount_fen of new rows (issued on or after 1 January of the period's year) */
  newAmount: number | bigint;
  /** sum of amount_fen * rate_e4 of new rows */
  newRateAmount: number | bigint;
  /** some row has balance > 0 */
  withBalance: boolean;
  /** some row is new */
  withNew: boolean;
  /** some new row is flagged first loan */
  withNewFirst: boolean;
}

/** Risk classes that make a row non-performing. */
export const NPL_RISK_CLASSES: readonly RiskClass[] = [
  'substandard',
  'doubtful',
  'loss',
];

/** The same calendar day one year after an ISO date; 29 February maps to 28 February. */
export function oneYearAfter(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) + 1;
  const monthDay = isoDate.slice(5) === '02-29' ? '02-28' : isoDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
};

/**
 * Long-term row (spec section 1): maturity later than the same calendar day one year after issue
 * (oneYearAfter). Dates are YYYY-MM-DD, compared as (year, month * 100 + day) so that a million
 * rows do not build a million strings.
 */
export function isLongTerm(issueDate: string, maturityDate: string): boolean {
  const dueYear = digits(issueDate, 0, 4) + 1;
  let dueDay = digits(issueDate, 5, 2) * 100 + digits(issueDate, 8, 2);
  if (dueDay === 229) dueDay = 228;
  const y = digits(maturityDate, 0, 4);
  return (
    y > dueYear ||
    (y === dueYear &&
      digits(maturityDate, 5, 2) * 100 + digits(maturityDate, 8, 2) > dueDay)
  );
}

/** 1 January of the period's year: a row issued on or after it is new (year to date). */
export function newSinceOf(period: string): string {
  return `${period.slice(0, 4)}-01-01`;
}

const MONEY = [
  'balanceAll',
  'balanceTech',
  'balanceTechSme',
  'balanceTechCreditIp',
  'balanceTechLong',
  'balanceTechNpl',
  'balanceAllNpl',
  'newTechAmount',
  'newTechRateAmount',
  'newAllAmount',
  'newAllRateAmount',
] as const;
type MoneyField = (typeof MONEY)[number];
const M = Object.fromEntries(MONEY.map((k, i) => [k, i])) as Record<
  MoneyField,
  number
>;

/** Below this a double adds integers exactly (the sum of two stays below 2^53). */
const EXACT = 2 ** 52;
const NPL = new Set<string>(NPL_RISK_CLASSES);

/** Exact integer sums of the money fields: a double part kept below 2^52 and a BigInt overflow part. */
class ExactSums {
  readonly lo = new Float64Array(MONEY.length);
  readonly hi: bigint[] = MONEY.map(() => BigInt(0));

  add(i: number, v: number | bigint): void {
    if (typeof v === 'bigint') {
      this.hi[i] += v;
      return;
    }
    if (v > EXACT || v < -EXACT) {
      this.hi[i] += BigInt(v);
      return;
    }
    const s = this.lo[i] + v;
    if (s > EXACT || s < -EXACT) {
      this.hi[i] += BigInt(s);
      this.lo[i] = 0;
    } else {
      this.lo[i] = s;
    }
  }

  /** a * b, exact even when the product passes 2^53 */
  addProduct(i: number, a: number, b: number): void {
    const p = a * b;
    if (Number.isSafeInteger(p)) this.add(i, p);
    else this.hi[i] += BigInt(a) * BigInt(b);
  }

  total(i: number): bigint {
    return this.hi[i] + BigInt(this.lo[i]);
  }
}

/** Borrowers (uscc) of one unit: with balance, tech with balance, tech with a new row, of which first loans. */
interface Borrowers {
  all: Set<string>;
  tech: Set<string>;
  newTech: Set<string>;
  newTechFirst: Set<string>;
}
const BORROWER_SETS = ['all', 'tech', 'newTech', 'newTechFirst'] as const;
const newBorrowers = (): Borrowers => ({
  all: new Set(),
  tech: new Set(),
  newTech: new Set(),
  newTechFirst: new Set(),
});

/** What one booking unit accumulates; `chain` is the unit and its ancestors, itself first. */
interface Booking {
  rows: number;
  sums: ExactSums;
  borrowers: Borrowers;
  chain: string[];
}

const NO_STATUS: BorrowerStatus = { tech: false, smeTech: false };

/**
 * Aggregates of every unit over sub(u) (the unit and all its descendants) at one period, fed
 * one loan row (addLoan) or one borrower's partial sums at a booking unit (addPartial) at a time.
 * Sums are kept per booking unit and rolled up the tree exactly at the end; distinct borrower
 * counts are united as sets (they cannot be summed from children). Rows booked at a code that
 * is not a unit count for hasData only.
 */
export class LoanAggregator {
  private readonly parentOf: Map<string, string | null>;
  private readonly bookings = new Map<string, Booking | null>();
  private readonly newSince: string;
  private rows = 0;

  constructor(
    private readonly period: string,
    units: readonly Pick<UnitInfo, 'code' | 'parentCode'>[],
    /** borrower status at the period's date (borrowerStatusAt) */
    private readonly status: ReadonlyMap<string, BorrowerStatus>,
  ) {
    this.parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
    this.newSince = newSinceOf(period);
  }

  /** One loan row of the period (the caller filters by period). */
  addLoan(row: LoanFacts): void {
    this.rows++;
    const b = this.booking(row.institutionCode);
    if (!b) return;
    const uscc = row.uscc;
    const s = this.status.get(uscc) ?? NO_STATUS;
    const balance = row.balanceFen;
    const isNew = row.issueDate >= this.newSince;
    const npl = NPL.has(row.riskClass);
    const sums = b.sums;
    b.rows++;
    sums.add(M.balanceAll, balance);
    if (npl) sums.add(M.balanceAllNpl, balance);
    if (isNew) {
      sums.add(M.newAllAmount, row.amountFen);
      sums.addProduct(M.newAllRateAmount, row.amountFen, row.rateE4);
    }
    if (balance > 0) b.borrowers.all.add(uscc);
    if (!s.tech) return;
    sums.add(M.balanceTech, balance);
    if (s.smeTech) sums.add(M.balanceTechSme, balance);
    if (row.guarantee === 'credit' || row.guarantee === 'ip_pledge')
      sums.add(M.balanceTechCreditIp, balance);
    if (isLongTerm(row.issueDate, row.maturityDate))
      sums.add(M.balanceTechLong, balance);
    if (npl) sums.add(M.balanceTechNpl, balance);
    if (balance > 0) b.borrowers.tech.add(uscc);
    if (isNew) {
      sums.add(M.newTechAmount, row.amountFen);
      sums.addProduct(M.newTechRateAmount, row.amountFen, row.rateE4);
      b.borrowers.newTech.add(uscc);
      if (row.firstLoan) b.borrowers.newTechFirst.add(uscc);
    }
  }

  /** All rows of one borrower at one booking unit, summed (see BorrowerPartial); at most one per pair. */
  addPartial(p: BorrowerPartial): void {
    this.rows += p.rowCount;
    const b = this.booking(p.institutionCode);
    if (!b) return;
    const s = this.status.get(p.uscc) ?? NO_STATUS;
    const sums = b.sums;
    b.rows += p.rowCount;
    sums.add(M.balanceAll, p.balance);
    sums.add(M.balanceAllNpl, p.balanceNpl);
    sums.add(M.newAllAmount, p.newAmount);
    sums.add(M.newAllRateAmount, p.newRateAmount);
    if (p.withBalance) b.borrowers.all.add(p.uscc);
    if (!s.tech) return;
    sums.add(M.balanceTech, p.balance);
    if (s.smeTech) sums.add(M.balanceTechSme, p.balance);
    sums.add(M.balanceTechCreditIp, p.balanceCreditIp);
    sums.add(M.balanceTechLong, p.balanceLong);
    sums.add(M.balanceTechNpl, p.balanceNpl);
    sums.add(M.newTechAmount, p.newAmount);
    sums.add(M.newTechRateAmount, p.newRateAmount);
    if (p.withBalance) b.borrowers.tech.add(p.uscc);
    if (p.withNew) b.borrowers.newTech.add(p.uscc);
    if (p.withNewFirst) b.borrowers.newTechFirst.add(p.uscc);
  }

  /** Rows seen so far (progress). */
  get rowCount(): number {
    return this.rows;
  }

  /** The aggregates of every unit with a row in its subtree, keyed and inserted in code order. */
  result(): PeriodAggregates {
    const totals = new Map<
      string,
      { rows: number; money: bigint[]; borrowers: Borrowers }
    >();
    for (const b of this.bookings.values()) {
      if (!b) continue;
      const money = MONEY.map((_, i) => b.sums.total(i));
      for (const code of b.chain) {
        let t = totals.get(code);
        if (!t) {
          t = {
            rows: 0,
            money: MONEY.map(() => BigInt(0)),
            borrowers: newBorrowers(),
          };
          totals.set(code, t);
        }
        t.rows += b.rows;
        for (let i = 0; i < money.length; i++) t.money[i] += money[i];
        for (const k of BORROWER_SETS)
          for (const u of b.borrowers[k]) t.borrowers[k].add(u);
      }
    }
    const units: Record<string, UnitLoanAggregate> = {};
    for (const code of [...totals.keys()].sort()) {
      const t = totals.get(code) as {
        rows: number;
        money: bigint[];
        borrowers: Borrowers;
      };
      // Number() of an exact integer rounds once to the nearest double
      const m = t.money.map(Number);
      const b = t.borrowers;
      // fields in the order of UnitLoanAggregate, so serialised aggregates read (and hash) the same
      units[code] = {
        code,
        rowCount: t.rows,
        balanceAll: m[M.balanceAll],
        balanceTech: m[M.balanceTech],
        balanceTechSme: m[M.balanceTechSme],
        balanceTechCreditIp: m[M.balanceTechCreditIp],
        balanceTechLong: m[M.balanceTechLong],
        balanceTechNpl: m[M.balanceTechNpl],
        balanceAllNpl: m[M.balanceAllNpl],
        techBorrowers: b.tech.size,
        allBorrowers: b.all.size,
        newTechBorrowers: b.newTech.size,
        newTechFirstBorrowers: b.newTechFirst.size,
        newTechAmount: m[M.newTechAmount],
        newTechRateAmount: m[M.newTechRateAmount],
        newAllAmount: m[M.newAllAmount],
        newAllRateAmount: m[M.newAllRateAmount],
      };
    }
    return { period: this.period, hasData: this.rows > 0, units };
  }

  private booking(code: string): Booking | null {
    let b = this.bookings.get(code);
    if (b !== undefined) return b;
    const chain: string[] = [];
    for (
      let c: string | null | undefined = code;
      c && this.parentOf.has(c) && !chain.includes(c);
      c = this.parentOf.get(c)
    )
      chain.push(c);
    b = chain.length
      ? { rows: 0, sums: new ExactSums(), borrowers: newBorrowers(), chain }
      : null;
    this.bookings.set(code, b);
    return b;
  }
}
