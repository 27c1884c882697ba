import type { QualityCell, QualityMark } from '../api/signals';
import type { SignalParams } from '../scoring/scheme-signals';

/** % change from `prev` to `cur`; null without a previous value or from 0. */
export function changePct(
  cur: number,
  prev: number | null | undefined,
): number | null {
  if (prev === null || prev === undefined || prev === 0) return null;
  return (100 * (cur - prev)) / prev;
}

/**
 * The cells of a bank × period group that cross the scheme's quality thresholds (issue 13):
 * a change against the previous quarter beyond ±N % (at exactly N % it is marked), borrowers
 * without attributes above their share, any booking unit without rows or without its own
 * qualitative scores.
 */
export function qualityMarks(
  c: Omit<QualityCell, 'marks'>,
  p: SignalParams['quality'],
): QualityMark[] {
  const marks: QualityMark[] = [];
  const beyond = (v: number | null, limit: number): boolean =>
    v !== null && Math.abs(v) >= limit;
  if (beyond(c.change.rows, p.rows_change_pct)) marks.push('rows');
  if (beyond(c.change.balance, p.balance_change_pct)) marks.push('balance');
  if (beyond(c.change.techBalance, p.tech_balance_change_pct))
    marks.push('techBalance');
  if (
    c.borrowers > 0 &&
    (100 * c.borrowersMissingAttributes) / c.borrowers >=
      p.missing_attributes_pct
  )
    marks.push('missingAttributes');
  if (c.unitsWithoutRows.length) marks.push('unitsWithoutRows');
  if (c.unitsWithoutQualitative.length) marks.push('unitsWithoutQualitative');
  return marks;
}
