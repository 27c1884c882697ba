import { createHash } from 'crypto';
import {
  baselinePeriod,
  borrowerStatusAt,
  LoanAggregator,
  newSinceOf,
  periodDate,
  periodYear,
  scorePeriod,
  shiftPeriod,
  type DigestTable,
  type InputDigest,
  type PeriodAggregates,
  type QualificationRow,
  type RunStage,
  type Scheme,
  type ScoringInput,
  type UnitInfo,
  type UnitResult,
} from '@sci/shared';
import type { ComputeReadRepository } from './compute-read.repository';

/**
 * The compute part of a run (what a worker thread does, off the API's event loop): the
 * fingerprint from the import's digests behind a cheap guard, each quarter's aggregates (from the
 * cache or one grouped pass), the engine's scores. Everything reads one snapshot through
 * ComputeReadRepository; nothing here writes.
 */

/** Part of every cached aggregate's key: bump it when the aggregation itself changes. */
export const AGGREGATION_VERSION = 'loan-aggregator-2';

/** The reference tables a run reads (everything but loans, which are per period). */
const REFERENCE_TABLES = ['institution', 'enterprise', 'qualification', 'penalty', 'qualitative_score'] as const;
type ReferenceTable = (typeof REFERENCE_TABLES)[number];

/** Content hash of every input of a run: the reference tables and each period's loans. */
export interface InputHashes {
  institution: string;
  enterprise: string;
  qualification: string;
  penalty: string;
  qualitative: string;
  loans: Record<string, string>;
}

/** What the compute reports while it works: the run's stage (aggregating is part of loading), progress in %, loan rows read. */
export interface ComputeProgress {
  stage: RunStage;
  progress: number;
  rows: number;
  /** set once the inputs are fingerprinted */
  fingerprint?: string;
}

export interface ComputeTask {
  period: string;
  scheme: Scheme;
  /** what the imports recorded (InputDigestRepository.forPeriods of the run's periods) */
  digests: InputDigest[];
  /** only fingerprint the inputs (the scheduler's "is it up to date?"), score nothing */
  fingerprintOnly?: boolean;
  /** read the inputs a run would score and hand them back unscored (the policy lab scores them with several schemes) */
  inputOnly?: boolean;
}

export interface ComputeResult {
  fingerprint: string;
  hashes: InputHashes;
  /** what the run's log should say about its inputs (a guard mismatch, a recomputed hash) */
  notes: string[];
  units: UnitInfo[];
  results: UnitResult[];
  /** aggregates computed by this run (not from the cache), with their cache keys, for the main process to store */
  computed: { key: string; aggregates: PeriodAggregates }[];
  /** loan rows aggregated by this run */
  rowsAggregated: number;
  /** milliseconds each step took (fingerprint, aggregate:<period>, scoring), for the log and benchmarks */
  timings: Record<string, number>;
  /** the inputs themselves, for an `inputOnly` task */
  input?: ScoringInput;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The run's fingerprint: sha256 over the per-table content hashes. */
export function fingerprintOf(h: InputHashes): string {
  return sha256(JSON.stringify(h));
}

/** Key of a period's cached aggregates: its loan rows and everything that decides status and the tree. */
export function aggregateKey(h: InputHashes, period: string): string {
  return sha256([AGGREGATION_VERSION, h.loans[period], h.institution, h.enterprise, h.qualification].join('|'));
}

/** The periods and years whose rows a run of `period` reads (spec sections 1, 4, 5). */
export function inputsOf(period: string, scheme: Scheme): { periods: string[]; years: number[] } {
  const periods = new Set([period, baselinePeriod(period)]);
  for (let n = 1; n <= scheme.peer_trend.trend_quarters; n++) periods.add(shiftPeriod(period, n));
  const y = periodYear(period);
  return { periods: [...periods].sort(), years: [y - 1, y] };
}

/** The hash of an empty table or period (no rows, nothing recorded): a constant, so it fingerprints too. */
const EMPTY = 'empty';

/**
 * Content hashes of a run's inputs without re-reading them: each comes from the digest the
 * import recorded, after a cheap guard (loans: COUNT(*), SUM(balance_fen), SUM(amount_fen) per
 * period in one GROUP BY; reference tables: COUNT(*)) agrees with it. Where the guard disagrees
 * or nothing was recorded, the real hash is recomputed from the rows and a note says so.
 */
export async function inputHashes(read: ComputeReadRepository, periods: string[], digests: InputDigest[]): Promise<{ hashes: InputHashes; notes: string[] }> {
  const notes: string[] = [];
  const recorded = (table: DigestTable, period: string): InputDigest | undefined => digests.find((d) => d.table === table && d.period === period);
  const totals = await read.loanTotals(periods);
  const loans: Record<string, string> = {};
  for (const p of [...periods].sort()) {
    const seen = totals.get(p) ?? { rowCount: 0, sumBalanceFen: 0, sumAmountFen: 0 };
    const d = recorded('loan', p);
    if (d && d.rowCount === seen.rowCount && d.sumBalanceFen === seen.sumBalanceFen && d.sumAmountFen === seen.sumAmountFen) {
      loans[p] = d.contentHash;
    } else if (!d && seen.rowCount === 0) {
      loans[p] = EMPTY;
    } else {
      loans[p] = (await read.recomputeDigest('loan', p)).contentHash;
      notes.push(
        d
          ? `loans of ${p}: the database holds ${seen.rowCount} rows (balance ${seen.sumBalanceFen} fen, amount ${seen.sumAmountFen} fen) but import batch ${d.batchId ?? '-'} recorded ${d.rowCount} (balance ${d.sumBalanceFen}, amount ${d.sumAmountFen}): changed outside an import; content hash recomputed from the rows`
          : `loans of ${p}: no import digest recorded; content hash computed from the rows`,
      );
    }
  }
  const reference = {} as Record<ReferenceTable, string>;
  for (const t of REFERENCE_TABLES) {
    const n = await read.rowCount(t);
    const d = recorded(t, '');
    if (d && d.rowCount === n) reference[t] = d.contentHash;
    else if (!d && n === 0) reference[t] = EMPTY;
    else {
      reference[t] = (await read.recomputeDigest(t)).contentHash;
      notes.push(
        d
          ? `${t}: the database holds ${n} rows but import batch ${d.batchId ?? '-'} recorded ${d.rowCount}: changed outside an import; content hash recomputed from the rows`
          : `${t}: no import digest recorded; content hash computed from the rows`,
      );
    }
  }
  return {
    hashes: {
      institution: reference.institution,
      enterprise: reference.enterprise,
      qualification: reference.qualification,
      penalty: reference.penalty,
      qualitative: reference.qualitative_score,
      loans,
    },
    notes,
  };
}

/** One period's aggregates in one grouped pass over its rows (LoanAggregator of the engine). */
export async function aggregatePeriodFrom(
  read: ComputeReadRepository,
  period: string,
  units: UnitInfo[],
  reference: { enterprises: { uscc: string; strategicEmerging: boolean }[]; qualifications: QualificationRow[] },
  onRows?: (rows: number) => void,
): Promise<PeriodAggregates> {
  const aggregator = new LoanAggregator(period, units, borrowerStatusAt(periodDate(period), reference.enterprises, reference.qualifications));
  let n = 0;
  await read.forEachPartial(period, newSinceOf(period), (p) => {
    aggregator.addPartial(p);
    if (++n % 50000 === 0) onRows?.(aggregator.rowCount);
  });
  return aggregator.result();
}

/** Fingerprints, aggregates and scores a run of `task.period` (see the file comment). */
export async function computeRun(read: ComputeReadRepository, task: ComputeTask, report: (p: ComputeProgress) => void = () => undefined): Promise<ComputeResult> {
  const { periods, years } = inputsOf(task.period, task.scheme);
  report({ stage: 'loading', progress: 5, rows: 0 });
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const { hashes, notes } = await inputHashes(read, periods, task.digests);
  const fingerprint = fingerprintOf(hashes);
  lap('fingerprint');
  const result: ComputeResult = { fingerprint, hashes, notes, units: [], results: [], computed: [], rowsAggregated: 0, timings };
  report({ stage: 'loading', progress: 10, rows: 0, fingerprint });
  if (task.fingerprintOnly) return result;

  const units = await read.listUnits();
  result.units = units;
  lap('units');
  const aggregates = new Map<string, PeriodAggregates>();
  const missing: string[] = [];
  for (const p of periods) {
    const cached = await read.cachedAggregates(p, aggregateKey(hashes, p));
    if (cached) aggregates.set(p, cached);
    else missing.push(p);
  }
  lap('cache');
  if (missing.length) {
    const totals = await read.loanTotals(missing);
    const total = missing.reduce((s, p) => s + (totals.get(p)?.rowCount ?? 0), 0) || 1;
    const reference = await read.borrowerReference();
    lap('reference');
    let done = 0;
    for (const p of missing) {
      const progress = (rows: number): void =>
        report({ stage: 'loading', progress: Math.min(80, 10 + Math.floor((70 * (done + rows)) / total)), rows: done + rows, fingerprint });
      progress(0);
      const a = await aggregatePeriodFrom(read, p, units, reference, progress);
      done += totals.get(p)?.rowCount ?? 0;
      progress(0);
      aggregates.set(p, a);
      lap(`aggregate:${p}`);
      result.computed.push({ key: aggregateKey(hashes, p), aggregates: a });
    }
    result.rowsAggregated = done;
  }

  report({ stage: 'scoring', progress: 85, rows: result.rowsAggregated, fingerprint });
  const at = (p: string): PeriodAggregates => aggregates.get(p) ?? { period: p, hasData: false, units: {} };
  const history: PeriodAggregates[] = [];
  for (let n = 1; n <= task.scheme.peer_trend.trend_quarters; n++) {
    const h = at(shiftPeriod(task.period, n));
    if (h.hasData) history.push(h);
  }
  const base = at(baselinePeriod(task.period));
  const input: ScoringInput = {
    period: task.period,
    units,
    current: at(task.period),
    history,
    baseline: base.hasData ? base : null,
    qualitative: await read.qualitative(years),
    penalties: await read.penalties(),
  };
  if (task.inputOnly) {
    result.input = input;
    return result;
  }
  result.results = scorePeriod(input, task.scheme);
  lap('scoring');
  return result;
}
