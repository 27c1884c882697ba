import { Guarantee, periodDate, periodRange, RiskClass, shiftPeriod } from '@sci/shared';
import type { GeneratedEnterprise } from './enterprises';
import { addMonths, fromDays, toDays } from './dates';
import { Prng } from './prng';
import type { GeneratedUnit, UnitProfile } from './units';
import { NPL_UNIT } from './units';

/** A loan of the simulated book. Dates as day numbers; money in fen; rate in 1/10000 %. */
export interface SimLoan {
  no: string;
  unit: string;
  uscc: string;
  issue: number;
  maturity: number;
  amountFen: number;
  rateE4: number;
  guarantee: Guarantee;
  firstLoan: boolean;
  /** share of the amount repaid linearly over the tenor (0 = bullet) */
  amort: number;
  /** repaid early on this day */
  prepay: number;
  /** downgraded on this day to badClass; an NPL stops amortising and is written off a year later */
  badAt: number;
  badClass: RiskClass;
}

/** New loans a quarter at scale 1 in the first generated period, across the province. */
const NEW_LOANS_PER_QUARTER = 2300;
const HISTORY_QUARTERS = 16;
const LPR: Record<number, number> = { 2019: 4.2, 2020: 3.85, 2021: 3.85, 2022: 3.65, 2023: 3.45, 2024: 3.35, 2025: 3.1, 2026: 3.0 };

const TECH_SHARE: Record<UnitProfile, number> = { star: 0.9, tech: 0.55, regular: 0.25, notech: 0, dormant: 0, npl: 0.5, new: 0.7, desk: 0.3 };
const FRESH: Record<UnitProfile, number> = { star: 0.3, tech: 0.16, regular: 0.1, notech: 0.08, dormant: 0, npl: 0.1, new: 0.3, desk: 0.06 };
const MEDIAN_YUAN: Record<UnitProfile, number> = { star: 9000000, tech: 4000000, regular: 3500000, notech: 3000000, dormant: 0, npl: 4000000, new: 3500000, desk: 6000000 };
const TENORS: [number, number][] = [[6, 3], [12, 22], [24, 15], [36, 37], [60, 23]];
const TECH_TENORS: [number, number][] = [[6, 2], [12, 12], [24, 13], [36, 45], [60, 28]];
const GUARANTEES: [Guarantee, number][] = [['credit', 27], ['guarantee', 29], ['collateral', 29], ['other_pledge', 9], ['ip_pledge', 6]];
const TECH_GUARANTEES: [Guarantee, number][] = [['credit', 38], ['ip_pledge', 14], ['guarantee', 22], ['collateral', 20], ['other_pledge', 6]];
const BAD: [RiskClass, number][] = [['special', 30], ['substandard', 25], ['doubtful', 25], ['loss', 20]];
const NPL: [RiskClass, number][] = [['substandard', 40], ['doubtful', 35], ['loss', 25]];

/**
 * Borrower pools by region and kind. A fresh pick takes the next enterprise that never borrowed
 * (its loan is a first loan, 首贷); other picks take an existing client, so first loans stay a
 * steady share instead of running out once everybody has borrowed.
 */
class BorrowerPools {
  private readonly pools = new Map<string, { all: GeneratedEnterprise[]; cursor: number; clients: GeneratedEnterprise[] }>();

  constructor(rng: Prng, enterprises: GeneratedEnterprise[]) {
    for (const e of enterprises) {
      for (const key of keysOf(e)) {
        const pool = this.pools.get(key) ?? { all: [], cursor: 0, clients: [] };
        pool.all.push(e);
        this.pools.set(key, pool);
      }
    }
    for (const { all } of this.pools.values()) {
      for (let i = all.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [all[i], all[j]] = [all[j], all[i]];
      }
    }
    // enterprises that borrowed before the simulated years: the banks' existing clients
    for (const e of enterprises) if (rng.chance(0.45)) this.borrow(e);
  }

  /** Marks an enterprise as a borrower; returns true if this is its first loan. */
  borrow(e: GeneratedEnterprise): boolean {
    if (e.borrowed) return false;
    e.borrowed = true;
    for (const key of keysOf(e)) this.pools.get(key)!.clients.push(e);
    return true;
  }

  pick(rng: Prng, region: string, kind: 'true' | 'false' | 'sme', fresh: boolean): GeneratedEnterprise {
    const order = rng.chance(0.85) ? [`${region}|${kind}`, `*|${kind}`] : [`*|${kind}`, `${region}|${kind}`];
    if (kind === 'sme') order.push(`${region}|true`, '*|true');
    if (fresh) {
      for (const key of order) {
        const pool = this.pools.get(key);
        if (!pool) continue;
        while (pool.cursor < pool.all.length && pool.all[pool.cursor].borrowed) pool.cursor++;
        if (pool.cursor < pool.all.length) return pool.all[pool.cursor];
      }
    }
    for (const key of order) {
      const clients = this.pools.get(key)?.clients;
      if (clients?.length) return clients[rng.int(0, clients.length - 1)];
    }
    const any = this.pools.get(order[0]) ?? this.pools.get(order[1])!;
    return any.all[rng.int(0, any.all.length - 1)];
  }
}

function keysOf(e: GeneratedEnterprise): string[] {
  return [`${e.regionCode}|${e.tech}`, `*|${e.tech}`, ...(e.smeTech ? [`${e.regionCode}|sme`, '*|sme'] : [])];
}

export interface LoanBookOptions {
  first: string;
  last: string;
  scale: number;
}

/**
 * Simulates every unit's lending quarter by quarter, from four years before `first` (so the book
 * is full at the first period) to `last`: new loans each quarter with a growing volume, linear or
 * bullet repayment, early repayment, downgrades. Returns the loans in issue order.
 */
export function simulateLoans(rng: Prng, units: GeneratedUnit[], enterprises: GeneratedEnterprise[], o: LoanBookOptions): SimLoan[] {
  const pools = new BorrowerPools(rng.fork(1), enterprises);
  const lenders = units.filter((u) => u.weight > 0 || u.profile === 'star');
  const totalWeight = lenders.reduce((s, u) => s + (u.profile === 'star' ? 0 : u.weight), 0);
  const quarters = periodRange(shiftPeriod(o.first, HISTORY_QUARTERS), o.last);
  const firstIdx = HISTORY_QUARTERS;
  const lastYear = Number(o.last.slice(0, 4));
  const loans: SimLoan[] = [];
  let seq = 0;
  quarters.forEach((q, t) => {
    const rel = t - firstIdx;
    const qEnd = toDays(periodDate(q));
    const qStart = toDays(periodDate(shiftPeriod(q, 1))) + 1;
    const batch: SimLoan[] = [];
    for (const u of lenders) {
      const opened = toDays(u.openedOn);
      if (opened > qEnd) continue;
      let expected: number;
      if (u.profile === 'star') expected = Math.max(22, 70 * o.scale) * Math.pow(1.06, rel);
      else expected = ((NEW_LOANS_PER_QUARTER * o.scale * u.weight) / totalWeight) * Math.pow(1.025, rel);
      const n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
      const techShare = Math.min(0.98, TECH_SHARE[u.profile] + (u.profile === 'star' ? 0.015 : u.profile === 'tech' ? 0.01 : 0) * rel);
      for (let k = 0; k < n; k++) {
        const tech = rng.chance(techShare);
        const kind = tech ? (u.profile === 'star' && rng.chance(0.7) ? 'sme' : 'true') : 'false';
        const borrower = pools.pick(rng, u.regionCode, kind, rng.chance(FRESH[u.profile]));
        const firstLoan = pools.borrow(borrower);
        const issue = rng.int(Math.max(qStart, opened), qEnd);
        const longish = u.profile === 'star' || (tech && u.profile === 'tech');
        const months = rng.weighted(longish ? TECH_TENORS : TENORS);
        const issueText = fromDays(issue);
        const maturity = toDays(addMonths(issueText, months));
        const yuan = Math.min(200000000, Math.max(100000, Math.round(rng.logNormal(MEDIAN_YUAN[u.profile], 0.85) / 1000) * 1000));
        const year = Number(issueText.slice(0, 4));
        const spread = 0.8 + 0.45 * rng.normal() - (tech ? 0.15 : 0) - (u.profile === 'star' ? 0.3 : 0);
        const rate = Math.min(9.9, Math.max(1.8, (LPR[year] ?? 3.1) + spread));
        let badAt = Infinity;
        let badClass: RiskClass = 'normal';
        if (u.code === NPL_UNIT && tech && maturity > toDays(`${lastYear}-03-01`) && issue + 30 < toDays(`${lastYear}-09-30`) && rng.chance(0.35)) {
          badAt = rng.int(Math.max(issue + 30, toDays(`${lastYear}-01-01`)), toDays(`${lastYear}-09-30`));
          badClass = rng.weighted(NPL);
        } else if (rng.chance(u.profile === 'star' ? 0.004 : 0.025)) {
          badAt = issue + Math.round((maturity - issue) * (0.2 + 0.6 * rng.next()));
          badClass = rng.weighted(BAD);
        }
        batch.push({
          no: '',
          unit: u.code,
          uscc: borrower.uscc,
          issue,
          maturity,
          amountFen: yuan * 100,
          rateE4: Math.round(rate * 10000),
          guarantee: rng.weighted(tech && u.profile !== 'regular' ? TECH_GUARANTEES : GUARANTEES),
          firstLoan,
          amort: rng.chance(0.35) ? 0 : 0.6 + 0.4 * rng.next(),
          prepay: rng.chance(0.06) ? rng.int(issue + 30, Math.max(issue + 31, maturity - 1)) : Infinity,
          badAt,
          badClass,
        });
      }
    }
    batch.sort((a, b) => a.issue - b.issue);
    for (const l of batch) l.no = `L${String(++seq).padStart(8, '0')}`;
    loans.push(...batch);
  });
  return loans;
}

const isNpl = (c: RiskClass): boolean => c === 'substandard' || c === 'doubtful' || c === 'loss';

/** Balance (fen) and risk class of a loan on day d, or null when it has left the book. */
export function loanState(l: SimLoan, d: number): { balanceFen: number; riskClass: RiskClass } | null {
  if (d < l.issue) return null;
  const end = Math.min(l.maturity, l.prepay);
  // a loan repaid before its downgrade date simply was repaid
  if (isNpl(l.badClass) && l.badAt < end && d >= l.badAt) {
    if (d >= l.badAt + 365) return null;
    return { balanceFen: amortised(l, l.badAt), riskClass: l.badClass };
  }
  const riskClass: RiskClass = d >= l.badAt && !isNpl(l.badClass) ? l.badClass : 'normal';
  if (d >= end) return { balanceFen: 0, riskClass };
  return { balanceFen: amortised(l, d), riskClass };
}

function amortised(l: SimLoan, d: number): number {
  const done = Math.min(1, Math.max(0, (d - l.issue) / (l.maturity - l.issue)));
  return Math.max(1, Math.round(l.amountFen * (1 - l.amort * done)));
}

/** The last day on which the loan can still be in a snapshot with a balance. */
export function loanEnd(l: SimLoan): number {
  const end = Math.min(l.maturity, l.prepay);
  return isNpl(l.badClass) && l.badAt < end ? l.badAt + 365 : end;
}
