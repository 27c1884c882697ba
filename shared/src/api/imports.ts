import type { DatasetFile } from '../format/enums';
import type { ImportError } from '../format/rows';

/**
 * Import of the exchange format (POST /api/imports and friends).
 * `running` while parsing, validating and writing; `succeeded` when stored; `failed` when any
 * row was rejected (nothing stored); `unchanged` when the same files were already the last
 * successful import (nothing to store).
 */
export const IMPORT_STATUSES = ['running', 'succeeded', 'failed', 'unchanged'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Most errors kept per batch; `errorCount` still counts all of them. */
export const IMPORT_ERROR_CAP = 1000;

/** One table read in a batch: a CSV file, a sheet of a workbook or an entry of a zip. */
export interface ImportFileCount {
  /** how errors name it: `loans.csv`, `data.xlsx[loans]`, `data.zip/loans.csv` */
  file: string;
  dataset: DatasetFile;
  /** data rows (header and blank lines not counted) */
  rows: number;
}

/** Rows per dataset file of a batch. */
export type ImportCounts = Partial<Record<DatasetFile, number>>;

/** The synchronous outcome of an import (service API and CLI). */
export interface ImportResult {
  batchId: number;
  status: ImportStatus;
  counts: ImportCounts;
  /** the first errors (at most IMPORT_ERROR_CAP), ordered by file, line, column */
  errors: ImportError[];
  errorCount: number;
}

/** POST /api/imports: the import runs in the background; poll GET /api/imports/:id. */
export interface ImportAcceptedResponse {
  batchId: number;
}

/** GET /api/imports (history) */
export interface ImportBatchSummary {
  id: number;
  status: ImportStatus;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  files: ImportFileCount[];
  totalRows: number;
  processedRows: number;
  errorCount: number;
}

/** GET /api/imports/:id: status, progress, counts and the (capped) errors. */
export interface ImportBatchResponse extends ImportBatchSummary {
  counts: ImportCounts;
  errors: ImportError[];
}

/** GET /api/imports: newest first. */
export interface ImportBatchListResponse {
  items: ImportBatchSummary[];
  total: number;
}
