import {
  ApplicationRow,
  DatasetFile,
  DecisionRow,
  EnterpriseRow,
  ImportFileCount,
  InstitutionRow,
  PenaltyRow,
  QualificationRow,
  QualitativeRow,
} from '@sci/shared';
import {
  closureOf,
  DatasetWrite,
  datasetStatements,
  SqlValue,
} from '../dataset/dataset-sql';
import { smallTableDigests } from '../dataset/dataset-digests';
import { DatasetRepository } from '../dataset/dataset.repository';
import { recordDigests } from '../dataset/input-digest.repository';
import type { WriteSession } from '../dataset/write-session';
import { LoanWriter } from './loan-writer';
import { SourceTable, yieldToEventLoop } from './parse/table';
import {
  buildReferences,
  checkReferences,
  ReferenceLookup,
} from './validate/dataset-validator';
import { ErrorSink } from './validate/error-sink';
import { FILE_SPECS, LOANS } from './validate/file-specs';
import { ParsedTable, readTable, streamTable } from './validate/read-table';

/** One statement, then a turn of the event loop (SQLite statements run synchronously). */
async function runYielding(s: WriteSession, st: { sql: string; params: SqlValue[] }): Promise<void> {
  await s.run(st.sql, st.params);
  await yieldToEventLoop();
}

/** Thrown inside the write transaction to roll it back when the data had errors. */
class Rejected extends Error {}

export interface PipelineProgress {
  /** rows read so far (all tables) */
  onRows(n: number): void;
  /** the stage now running, for the imports page */
  onStage?(stage: 'reading' | 'writing' | 'digests'): void;
}

/**
 * One import, streamed (issue 16): the reference tables (institutions, enterprises,
 * qualifications: thousands of rows) are read and checked in memory; then, in ONE write
 * transaction, they are written, the loans stream through validation straight into multi-row
 * INSERTs, the remaining small tables are read and written, and the input digests recorded.
 * Any error rolls the whole transaction back: nothing is stored. Returns the files read (rows
 * counted) and whether the batch was stored.
 */
export async function runImport(
  tables: SourceTable[],
  dataset: DatasetRepository,
  lookup: ReferenceLookup,
  sink: ErrorSink,
  batchId: number | null,
  progress: PipelineProgress,
  lockWaitMs?: number,
): Promise<{ listed: ImportFileCount[]; stored: boolean }> {
  const byName = new Map(tables.map((t) => [t.dataset, t]));
  const counted = new Map<DatasetFile, number>();
  const read = async <T>(
    name: DatasetFile,
  ): Promise<ParsedTable<T> | undefined> => {
    const t = byName.get(name);
    if (!t) return undefined;
    const parsed = await readTable(
      t,
      FILE_SPECS[name] as never,
      sink,
      progress.onRows,
    );
    counted.set(name, parsed.rowCount);
    return parsed as ParsedTable<T>;
  };
  const listed = (): ImportFileCount[] =>
    tables.map((t) => ({
      file: t.label,
      dataset: t.dataset,
      rows: counted.get(t.dataset) ?? t.estimatedRows,
    }));

  progress.onStage?.('reading');
  const institutions = await read<InstitutionRow>('institutions');
  const enterprises = await read<EnterpriseRow>('enterprises');
  const qualifications = await read<QualificationRow>('qualifications');
  const refs = await buildReferences(institutions, enterprises, lookup, sink);
  if (qualifications) checkReferences(qualifications, refs, sink);

  const write: DatasetWrite = {
    institutions: institutions?.rows,
    closure: institutions ? closureOf(refs.units.values()) : undefined,
    enterprises: enterprises?.rows,
    qualifications: qualifications?.rows,
  };
  try {
    await dataset.withWriteTransaction(async (s: WriteSession) => {
      progress.onStage?.('writing');
      // the reference tables first (nothing to write once the batch is known to be rejected)
      if (sink.count === 0)
        for (const st of datasetStatements(s.dialect, write))
          await s.run(st.sql, st.params);
      const loansTable = byName.get('loans');
      let loans: LoanWriter | undefined;
      if (loansTable) {
        loans = new LoanWriter(s, loansTable.label, refs, sink);
        counted.set(
          'loans',
          await streamTable(loansTable, LOANS, sink, progress.onRows, loans),
        );
        await loans.flush();
      }
      const qualitative = await read<QualitativeRow>('qualitative');
      const penalties = await read<PenaltyRow>('penalties');
      const applications = await read<ApplicationRow>('applications');
      const decisions = await read<DecisionRow>('decisions');
      for (const t of [qualitative, penalties, applications, decisions])
        if (t) checkReferences(t as ParsedTable<unknown>, refs, sink);
      if (sink.count > 0) throw new Rejected();
      const rest: DatasetWrite = {
        qualitative: qualitative?.rows,
        penalties: penalties?.rows,
        applications: applications?.rows,
        decisions: decisions?.rows,
      };
      for (const st of datasetStatements(s.dialect, rest))
        await s.run(st.sql, st.params);
      progress.onStage?.('digests');
      const records = [
        ...(loans?.result() ?? []),
        ...(await smallTableDigests(s, { ...write, ...rest })),
      ];
      await recordDigests(s, batchId, records);
    }, { lockWaitMs });
  } catch (err) {
    if (err instanceof Rejected) return { listed: listed(), stored: false };
    throw err;
  }
  return { listed: listed(), stored: true };
}
