import type { Flag } from '../format/enums';
import type { Baseline } from './indicators';
import type { GrowthTargetClassParams } from './scheme';

/** Growth target class K3 (spec section 4). */

export interface GrowthScore {
  f: number;
  flag: Extract<Flag, 'NO_BASELINE' | 'NEW_ENTRANT'> | null;
}

/**
 * f of K3 from S, A (fen at p) and the baseline S0, A0 (fen at p0):
 * - no baseline (no rows at p0 or A0 = 0): f = no_baseline_score, NO_BASELINE;
 * - S0 = 0: f = 1 and NEW_ENTRANT if S > 0, else 0;
 * - else gS = S/S0 - 1, gA = A/A0 - 1: f = 0 if gS <= 0; 1 if gS >= gA; else gS / gA.
 */
export function growthScore(
  s: number,
  a: number,
  base: Baseline | null,
  params: GrowthTargetClassParams,
): GrowthScore {
  if (!base) return { f: params.no_baseline_score, flag: 'NO_BASELINE' };
  if (base.balanceTech === 0) return s > 0 ? { f: 1, flag: 'NEW_ENTRANT' } : { f: 0, flag: null };
  const gS = s / base.balanceTech - 1;
  const gA = a / base.balanceAll - 1;
  if (gS <= 0) return { f: 0, flag: null };
  if (gS >= gA) return { f: 1, flag: null };
  return { f: gS / gA, flag: null };
}
