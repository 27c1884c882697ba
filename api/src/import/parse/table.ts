import type { DatasetFile } from '@sci/shared';

/**
 * One table of a batch (a CSV file, a sheet of a workbook, an entry of a zip), read row by row.
 * `line` is the physical line (CSV) or row number (sheet) where the row starts; the header is
 * the first non-blank line. Readers yield to the event loop now and then so a large import does
 * not stall the HTTP server.
 */
export interface TableVisitor {
  header(cells: string[], line: number): void;
  row(cells: string[], line: number): void;
}

export interface SourceTable {
  /** how errors name it: `loans.csv`, `data.xlsx[loans]`, `data.zip/loans.csv` */
  label: string;
  dataset: DatasetFile;
  /** a rough count of data rows for progress, known before reading */
  estimatedRows: number;
  read(visitor: TableVisitor): Promise<void>;
}

/** A problem that stops reading a table (bad encoding, broken quoting, merged cells...). */
export class TableError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly column = '',
  ) {
    super(message);
  }
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
