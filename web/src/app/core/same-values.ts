/**
 * Shallow equality of two flat objects, for `computed(..., { equal: sameValues })` on request
 * parameters: a recomputation with the same values must not make a resource fetch again.
 */
export function sameValues<T extends object>(
  a: T | undefined,
  b: T | undefined,
): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  return [...keys].every((k) => a[k] === b[k]);
}
