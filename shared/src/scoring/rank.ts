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

/** What a ranked list needs of a result. */
export interface Ranked {
  code: string;
  quantitative: number;
}

/**
 * Order of a ranked list (spec section 6): by rank, ties by quantitative score (higher first),
 * then by code. Unranked entries (rank null) go last.
 */
export function compareForList<T extends Ranked>(
  a: T,
  b: T,
  rankOf: (r: T) => number | null,
): number {
  const ra = rankOf(a) ?? Infinity;
  const rb = rankOf(b) ?? Infinity;
  if (ra !== rb) return ra - rb;
  if (a.quantitative !== b.quantitative) return b.quantitative - a.quantitative;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
