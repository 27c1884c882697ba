/** Periods `YYYYQn` and their dates (data-format.md, general rules). */
const PERIOD_RE = /^(\d{4})Q([1-4])$/;

export function isPeriod(p: string): boolean {
  return PERIOD_RE.test(p);
}

export function periodYear(p: string): number {
  return Number(p.slice(0, 4));
}

export function periodQuarter(p: string): number {
  return Number(p.slice(5, 6));
}

/** Last day of the quarter as YYYY-MM-DD (2025Q4 -> 2025-12-31). */
export function periodDate(p: string): string {
  const y = periodYear(p);
  const q = periodQuarter(p);
  return ['', `${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`][q];
}

/** The period n quarters before (n may be negative). */
export function shiftPeriod(p: string, n: number): string {
  const idx = periodYear(p) * 4 + (periodQuarter(p) - 1) - n;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

/** p0: the fourth quarter of the previous year (the start-of-year baseline). */
export function baselinePeriod(p: string): string {
  return `${periodYear(p) - 1}Q4`;
}

export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every period from first to last inclusive. */
export function periodRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; comparePeriods(p, last) <= 0; p = shiftPeriod(p, -1)) out.push(p);
  return out;
}
