import { NPL_RISK_CLASSES, type BorrowerStatus, type PeriodAggregates, type RiskClass, type UnitInfo, type UnitLoanAggregate } from '@sci/shared';

/**
 * One period's loan aggregates (spec sections 1-2), built from a stream of loan rows: what the
 * engine's reference aggregatePeriod defines, in one pass and without holding the rows.
 * Money stays exact: sums run in doubles below 2^52 and spill into BigInt beyond, and a unit's
 * totals become doubles once, at the end (Number of the exact integer), as in the reference.
 */

/** A loan row as streamed: institution_code, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, guarantee, risk_class, first_loan. */
export type StreamedLoan = [string, string, string, string, number | string, number | string, number | string, string, string, number | string];

export const STREAMED_LOAN_COLUMNS = 'institution_code, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, guarantee, risk_class, first_loan';

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
const [ALL, TECH, SME, CREDIT_IP, LONG, TECH_NPL, ALL_NPL, NEW_TECH, NEW_TECH_RATE, NEW_ALL, NEW_ALL_RATE] = MONEY.map((_, i) => i);

/** Below this a double adds integers exactly (the sum of two stays below 2^53). */
const EXACT = 2 ** 52;
const NPL = new Set<string>(NPL_RISK_CLASSES as readonly RiskClass[]);

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
};

/**
 * Long-term row (spec section 1): maturity later than the same calendar day one year after
 * issue, 29 February mapped to 28 February. The engine's isLongTerm, without building strings
 * for every row: dates are YYYY-MM-DD, compared as (year, month * 100 + day).
 */
export function longTerm(issue: string, maturity: string): boolean {
  const due = digits(issue, 0, 4) + 1;
  let dueDay = digits(issue, 5, 2) * 100 + digits(issue, 8, 2);
  if (dueDay === 229) dueDay = 228;
  const y = digits(maturity, 0, 4);
  return y > due || (y === due && digits(maturity, 5, 2) * 100 + digits(maturity, 8, 2) > dueDay);
}

/** An exact integer sum: a double part kept below 2^52 and a BigInt overflow part. */
class ExactSums {
  readonly lo = new Float64Array(MONEY.length);
  readonly hi: bigint[] = MONEY.map(() => BigInt(0));

  add(i: number, v: number): void {
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

  /** amount * rate, exact even when the product passes 2^53 */
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
interface Sets {
  tech: Set<string>;
  all: Set<string>;
  newTech: Set<string>;
  newTechFirst: Set<string>;
}

const newSets = (): Sets => ({ tech: new Set(), all: new Set(), newTech: new Set(), newTechFirst: new Set() });

/** What one booking unit accumulates; `chain` is the unit and its ancestors, itself first. */
interface Booking {
  rows: number;
  sums: ExactSums;
  sets: Sets;
  chain: string[];
}

export class PeriodAggregator {
  private readonly parentOf: Map<string, string | null>;
  private readonly bookings = new Map<string, Booking | null>();
  private readonly newSince: string;
  private rows = 0;

  constructor(
    private readonly period: string,
    units: UnitInfo[],
    /** borrower status at the period's date (engine's borrowerStatusAt) */
    private readonly status: Map<string, BorrowerStatus>,
  ) {
    this.parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
    this.newSince = `${period.slice(0, 4)}-01-01`;
  }

  add(r: StreamedLoan): void {
    this.rows++;
    const b = this.booking(r[0]);
    // rows booked at a code that is not a unit are ignored, as in the reference aggregation
    if (!b) return;
    const uscc = r[1];
    const amount = Number(r[4]);
    const balance = Number(r[5]);
    const rate = Number(r[6]);
    const s = this.status.get(uscc);
    const tech = s?.tech ?? false;
    const isNew = r[2] >= this.newSince;
    const npl = NPL.has(r[8]);
    const sums = b.sums;
    b.rows++;
    sums.add(ALL, balance);
    if (npl) sums.add(ALL_NPL, balance);
    if (isNew) {
      sums.add(NEW_ALL, amount);
      sums.addProduct(NEW_ALL_RATE, amount, rate);
    }
    if (tech) {
      sums.add(TECH, balance);
      if (s?.smeTech) sums.add(SME, balance);
      if (r[7] === 'credit' || r[7] === 'ip_pledge') sums.add(CREDIT_IP, balance);
      if (longTerm(r[2], r[3])) sums.add(LONG, balance);
      if (npl) sums.add(TECH_NPL, balance);
      if (isNew) {
        sums.add(NEW_TECH, amount);
        sums.addProduct(NEW_TECH_RATE, amount, rate);
      }
    }
    // borrowers are collected per booking unit and united up the tree at the end
    const set = b.sets;
    if (balance > 0) set.all.add(uscc);
    if (!tech) return;
    if (balance > 0) set.tech.add(uscc);
    if (isNew) {
      set.newTech.add(uscc);
      if (Number(r[9]) === 1) set.newTechFirst.add(uscc);
    }
  }

  result(): PeriodAggregates {
    const totals = new Map<string, { rows: number; money: bigint[]; sets: Sets }>();
    for (const b of this.bookings.values()) {
      if (!b) continue;
      const money = MONEY.map((_, i) => b.sums.total(i));
      for (const code of b.chain) {
        let t = totals.get(code);
        if (!t) {
          t = { rows: 0, money: MONEY.map(() => BigInt(0)), sets: newSets() };
          totals.set(code, t);
        }
        t.rows += b.rows;
        MONEY.forEach((_, i) => ((t as { money: bigint[] }).money[i] += money[i]));
        for (const k of ['tech', 'all', 'newTech', 'newTechFirst'] as const) for (const u of b.sets[k]) t.sets[k].add(u);
      }
    }
    const units: Record<string, UnitLoanAggregate> = {};
    for (const code of [...totals.keys()].sort()) {
      const t = totals.get(code) as { rows: number; money: bigint[]; sets: Sets };
      const set = t.sets;
      const agg = { code, rowCount: t.rows } as UnitLoanAggregate;
      MONEY.forEach((k, i) => (agg[k] = Number(t.money[i])));
      agg.techBorrowers = set.tech.size;
      agg.allBorrowers = set.all.size;
      agg.newTechBorrowers = set.newTech.size;
      agg.newTechFirstBorrowers = set.newTechFirst.size;
      units[code] = agg;
    }
    return { period: this.period, hasData: this.rows > 0, units };
  }

  private booking(code: string): Booking | null {
    let b = this.bookings.get(code);
    if (b !== undefined) return b;
    const chain: string[] = [];
    for (let c: string | null | undefined = code; c && this.parentOf.has(c) && !chain.includes(c); c = this.parentOf.get(c)) chain.push(c);
    b = chain.length ? { rows: 0, sums: new ExactSums(), sets: newSets(), chain } : null;
    this.bookings.set(code, b);
    return b;
  }
}
