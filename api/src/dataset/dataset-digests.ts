import { DigestTable, LoanRow } from '@sci/shared';
import { DatasetWrite, loanValues } from './dataset-sql';
import {
  DigestRecord,
  digestAccumulator,
  recomputeIn,
} from './input-digest.repository';
import type { WriteSession } from './write-session';

/**
 * The loans' digests of a batch, one per period it replaces, folded from the very values the
 * import writes (loanValues), so they equal what recompute reads back. A replaced period with no
 * rows gets an empty digest.
 */
export function loanDigests(
  loans: Iterable<LoanRow>,
  periods: string[],
): DigestRecord[] {
  const byPeriod = new Map(periods.map((p) => [p, digestAccumulator('loan')]));
  for (const r of loans) {
    let acc = byPeriod.get(r.period);
    if (!acc) byPeriod.set(r.period, (acc = digestAccumulator('loan')));
    acc.add(loanValues(r));
  }
  return [...byPeriod].map(([period, acc]) => ({
    table: 'loan',
    period,
    value: acc.result(),
  }));
}

/** The tables without a period a write touched, each re-read whole inside the write transaction. */
export function touchedSmallTables(w: DatasetWrite): DigestTable[] {
  const out: DigestTable[] = [];
  if (w.institutions?.length) out.push('institution');
  if (w.enterprises?.length) out.push('enterprise');
  if (w.qualifications?.length) out.push('qualification');
  if (w.qualitative?.length) out.push('qualitative_score');
  if (w.penalties?.length) out.push('penalty');
  if (w.applications?.length) out.push('certification_application');
  if (w.decisions?.length) out.push('certification_decision');
  return out;
}

/**
 * Small tables are upserted (an import adds to what is there), so their digest is of the whole
 * table after the write: recomputed from the database through the write's own session.
 */
export async function smallTableDigests(
  s: WriteSession,
  w: DatasetWrite,
): Promise<DigestRecord[]> {
  const out: DigestRecord[] = [];
  for (const table of touchedSmallTables(w))
    out.push({ table, period: '', value: await recomputeIn(s, table) });
  return out;
}
