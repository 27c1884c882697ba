import type { NplBandClassParams } from './scheme';

/** Banded class K10 (spec section 4). */

export interface NplBandScore {
  f: number;
  /** T = NA + tolerance_pp, null when NA is null */
  tolerance: number | null;
  overTolerance: boolean;
}

/**
 * f of K10 for x = K10 (% NPL of tech balance) against NA (% NPL of all balance):
 * f = 0 when S = 0 (x null); 1 if x <= NA; 1 - (1 - score_at_tolerance)*(x-NA)/(T-NA) if
 * NA < x <= T; 0 and NPL_OVER_TOLERANCE if x > T, with T = NA + tolerance_pp.
 */
export function nplBandScore(
  x: number | null,
  na: number | null,
  params: NplBandClassParams,
): NplBandScore {
  if (na === null) return { f: 0, tolerance: null, overTolerance: false };
  const T = na + params.tolerance_pp;
  if (x === null) return { f: 0, tolerance: T, overTolerance: false };
  if (x <= na) return { f: 1, tolerance: T, overTolerance: false };
  if (x <= T)
    return {
      f: 1 - ((1 - params.score_at_tolerance) * (x - na)) / (T - na),
      tolerance: T,
      overTolerance: false,
    };
  return { f: 0, tolerance: T, overTolerance: true };
}
