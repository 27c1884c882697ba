/** Ranks (spec section 6). */

/**
 * Rank of composite c in a group: 1 + the number of members with composite > c + tol (ties
 * share a rank). `group` holds the composites of the members, the unit itself included.
 */
export function rankIn(c: number, group: readonly number[], tol: number): number {
  let above = 0;
  for (const v of group) if (v > c + tol) above += 1;
  return 1 + above;
}
