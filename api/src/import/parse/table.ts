import { ImportCodedMessage, DatasetFile, importMessage } from '@sci/shared';

/**
 * One table of a batch (a CSV file, a sheet of a workbook, an entry of a zip), read row by row.
 * `line` is the physical line (CSV) or row number (sheet) where the row starts; the header is
 * the first non-blank line. Readers yield to the event loop now and then so a large import does
 * not stall the HTTP server.
 */
export interface TableVisitor {
  header(cells: string[], line: number): void;
  /** `controls`: a control character occurred in the file so far; check the cells for one */
  row(cells: string[], line: number, controls?: boolean): void;
  /** A cell the reader could not turn into text as meant; the row is skipped. */
  reject?(line: number, column: string, message: string | ImportCodedMessage): void;
  /** After a batch of rows: a promise when the reader must wait (the writer is behind). */
  drain?(): Promise<void> | undefined;
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
  readonly coded?: ImportCodedMessage;

  constructor(
    readonly line: number,
    text: string | ImportCodedMessage,
    readonly column = '',
  ) {
    super(typeof text === 'string' ? text : text.message);
    if (typeof text !== 'string') this.coded = text;
  }

  /** what the error sink records: the coded message when there is one */
  get report(): string | ImportCodedMessage {
    return this.coded ?? this.message;
  }
}

/** Control characters never belong in a field (a stray CR, a NUL, a tab pasted into a name). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The message for the first control character of a cell, or null (free-text remarks may span lines). */
export function controlProblem(
  cell: string,
  lineBreaksAllowed = false,
): ImportCodedMessage | null {
  const m = CONTROL.exec(lineBreaksAllowed ? cell.replace(/\n/g, ' ') : cell);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    {
      0: 'NUL',
      9: 'TAB',
      10: 'LF',
      13: 'CR',
    }[code] ?? 'C0';
  return importMessage('CONTROL_CHARACTER', { what: name, hex, at: m.index + 1 });
}

export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setImmediate(resolve));
