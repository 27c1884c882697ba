/** Calendar arithmetic on YYYY-MM-DD strings (UTC, no time zones involved). */
const DAY = 86400000;

export function toDays(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
}

export function fromDays(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

export function addDays(d: string, n: number): string {
  return fromDays(toDays(d) + n);
}

/** The same day n months later, clamped to the month's end (2024-01-31 + 1 -> 2024-02-29). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addYears(d: string, n: number): string {
  return addMonths(d, 12 * n);
}
