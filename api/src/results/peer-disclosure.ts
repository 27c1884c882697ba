import type { Distribution } from '@sci/shared';
import type { AccessScope } from '../core/auth/access-scope';
import { distributionOf } from './distribution';

/**
 * What a caller may learn about a group of units that contains other banks' units: the ONE place
 * every peer statistic passes through before it leaves the API (docs/access.md, "What a bank may
 * see of others").
 *
 * Regulator and admin see every unit anyway, so they get the exact five-number summary.
 * A bank user (bank_hq, branch) gets, per group and measure:
 *  - nothing but the count when fewer than MIN_UNITS values exist (a 4-bank group's min, max and
 *    quartiles are three competitors' exact values);
 *  - otherwise Q1, median and Q3 only — never min or max, which are one unit's exact value —
 *    each rounded to SIGNIFICANT_DIGITS significant digits, because with type-7 quantiles an
 *    order statistic IS a unit's value whenever (n-1)·p is an integer (the median of 5, Q1 of 5,
 *    ...), and unrounded interpolations let a bank that knows its own value solve for a
 *    neighbour's.
 */
export const PEER_DISCLOSURE = { minUnits: 5, significantDigits: 2 } as const;

/** A number on the disclosure grid (2 significant digits): 59.37 -> 59, 0.04351 -> 0.044, -12.5 -> -13. */
export function coarsen(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  // toPrecision rounds half away from zero on the decimal representation; Number() drops the exponent form
  return Number(Math.sign(v) * Number(Math.abs(v).toPrecision(PEER_DISCLOSURE.significantDigits)));
}

export interface PeerStatistics {
  /** the group's distribution as this caller may see it */
  distribution(values: (number | null)[]): Distribution;
  /** the group's median as this caller may see it (null when withheld) */
  median(values: (number | null)[]): number | null;
}

const exact: PeerStatistics = {
  distribution: distributionOf,
  median: (values) => distributionOf(values).median,
};

const bankView: PeerStatistics = {
  distribution(values) {
    const d = distributionOf(values);
    if (d.count < PEER_DISCLOSURE.minUnits) return { count: d.count, min: null, q1: null, median: null, q3: null, max: null };
    const c = (v: number | null): number | null => (v === null ? null : coarsen(v));
    return { count: d.count, min: null, q1: c(d.q1), median: c(d.median), q3: c(d.q3), max: null };
  },
  median(values) {
    return this.distribution(values).median;
  },
};

/** The statistics view of a caller: exact for those who see every unit, disclosure-controlled for banks. */
export function peerStatisticsFor(scope: AccessScope): PeerStatistics {
  return scope.all ? exact : bankView;
}
