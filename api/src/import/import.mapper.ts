import type { ImportBatchResponse, ImportBatchSummary, ImportCounts, ImportError, ImportFileCount, ImportStatus } from '@sci/shared';
import type { ImportBatchEntity } from '../dataset/entities/import-batch.entity';

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A batch row as the history lists it; `live` is the progress of an import running now. */
export function toBatchSummary(r: ImportBatchEntity, live?: { processed: number; total: number }): ImportBatchSummary {
  return {
    id: r.id,
    status: r.status as ImportStatus,
    createdBy: r.createdBy,
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
    files: parseJson<ImportFileCount[]>(r.files, []),
    totalRows: live ? live.total : r.totalRows,
    processedRows: live ? live.processed : r.processedRows,
    errorCount: r.errorCount,
  };
}

export function toBatchResponse(r: ImportBatchEntity, errors: ImportError[], live?: { processed: number; total: number }): ImportBatchResponse {
  const summary = toBatchSummary(r, live);
  const counts: ImportCounts = {};
  for (const f of summary.files) if (f.dataset) counts[f.dataset] = (counts[f.dataset] ?? 0) + f.rows;
  return { ...summary, counts, errors };
}

/** The errors of a batch as CSV rows (file, line, column, message), header first. */
export function errorRows(errors: ImportError[]): string[][] {
  return [['file', 'line', 'column', 'message'], ...errors.map((e) => [e.file, String(e.line), e.column, e.message])];
}
