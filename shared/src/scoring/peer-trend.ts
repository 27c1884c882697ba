import type { PeerTrendClassParams, Scheme, TrendParams } from './scheme';

/**
 * Percentile and trend classes K1, K2, K4-K9 (spec section 4):
 * f = peer_share * P + trend_share * V, P = peer_floor + (1 - peer_floor) * H.
 */

/** Two values are equal when |a-b| <= tol * max(1, |a|, |b|) (decides ties in H only). */
export function valuesEqual(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The class floor (K9: max(x, -50)) applied to the unit's own, its peers' and its history values. */
export function applyFloor(x: number | null, floor: number | undefined): number | null {
  return x === null || floor === undefined ? x : Math.max(x, floor);
}

/**
 * Peer position H in [0, 1]: among the n-1 other units of P(u), w = strictly worse values and
 * t = equal values (null is worse than any number and equal to another null);
 * H = (w + 0.5 t) / (n - 1). H = 0.5 when n = 1 (no other unit); H = 0 when x is null.
 * @param others the values of the other units of P(u) (u itself excluded), floored already
 */
export function peerPosition(
  x: number | null,
  others: (number | null)[],
  better: 'higher' | 'lower',
  tol: number,
): number {
  if (x === null) return 0;
  if (others.length === 0) return 0.5;
  let worse = 0;
  let ties = 0;
  for (const v of others) {
    if (v === null) worse += 1;
    else if (valuesEqual(x, v, tol)) ties += 1;
    else if (better === 'higher' ? v < x : v > x) worse += 1;
  }
  return (worse + 0.5 * ties) / others.length;
}

/** m: mean of the non-null history values, in the order given; null when there is none. */
export function trendMean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  let sum = 0;
  for (const v of present) sum += v;
  return sum / present.length;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * Own trend V in [0, 1] of value x against the history mean m.
 * - x null: 0; m null (no history value): `noHistory`.
 * - ratio (K1, K5): m = 0 → 1 if x > 0 else 0; else clamp((x/m - zero_at) / (full_at - zero_at)).
 * - difference (K2, K4, K6-K9): clamp((x - m - zero_at) / (full_at - zero_at)); K2: (x-m+2)/4,
 *   K9 with zero_at 20, full_at -20: (m - x + 20)/40.
 */
export function ownTrend(
  x: number | null,
  m: number | null,
  trend: TrendParams,
  noHistory: number,
): number {
  if (x === null) return 0;
  if (m === null) return noHistory;
  if (trend.kind === 'ratio') {
    if (m === 0) return x > 0 ? 1 : 0;
    return clamp01((x / m - trend.zero_at) / (trend.full_at - trend.zero_at));
  }
  return clamp01((x - m - trend.zero_at) / (trend.full_at - trend.zero_at));
}

export interface PeerTrendScore {
  H: number;
  P: number;
  m: number | null;
  V: number;
  f: number;
}

/**
 * f of a peer-trend class for value x (floored by the caller, as are `others` and `history`).
 * P = peer_floor + (1 - peer_floor) * H, P = 0 when x is null; f = peer_share P + trend_share V.
 */
export function peerTrendScore(
  x: number | null,
  others: (number | null)[],
  history: (number | null)[],
  params: PeerTrendClassParams,
  scheme: Scheme,
): PeerTrendScore {
  const pt = scheme.peer_trend;
  const H = peerPosition(x, others, params.better, scheme.equality_tolerance);
  const P = x === null ? 0 : pt.peer_floor + (1 - pt.peer_floor) * H;
  const m = trendMean(history);
  const V = ownTrend(x, m, params.trend, pt.no_history_trend);
  return { H, P, m, V, f: pt.peer_share * P + pt.trend_share * V };
}
