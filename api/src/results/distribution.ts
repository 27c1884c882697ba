import type { Distribution } from '@sci/shared';

/** Quantile of sorted numbers by linear interpolation between closest ranks (R type 7). */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Five-number summary of the non-null values. */
export function distributionOf(values: (number | null)[]): Distribution {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!xs.length) return { count: 0, min: null, q1: null, median: null, q3: null, max: null };
  return { count: xs.length, min: xs[0], q1: quantile(xs, 0.25), median: quantile(xs, 0.5), q3: quantile(xs, 0.75), max: xs[xs.length - 1] };
}

export function medianOf(values: (number | null)[]): number | null {
  return distributionOf(values).median;
}
