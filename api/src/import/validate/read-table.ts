import { ImportCodedMessage, DatasetFile, importMessage } from '@sci/shared';
import { controlProblem, SourceTable, TableError } from '../parse/table';
import { ErrorSink } from './error-sink';
import { FieldError } from './fields';
import { FileSpec } from './file-specs';

/** The valid rows of one table, with the line each came from (for cross-file errors). */
export interface ParsedTable<T> {
  label: string;
  dataset: DatasetFile;
  rows: T[];
  lines: number[];
  /** data rows read, valid or not */
  rowCount: number;
}

/** Free-text remarks may span lines (RFC 4180 quoted line breaks); no other field may. */
const MULTILINE = new Set(['evidence', 'reason']);

/** How a streamed table hands on its valid rows (loans: checked and written as they come). */
export interface RowStream<T> {
  /** a valid row with its line and its file key; the receiver checks duplicates itself */
  row(row: T, line: number, key: string): void;
  drain?(): Promise<void> | undefined;
}

/**
 * Reads a table against its file spec, keeping its valid rows in memory (the small tables), with
 * duplicate keys found here.
 */
export async function readTable<T>(
  table: SourceTable,
  spec: FileSpec<T>,
  sink: ErrorSink,
  onRows: (n: number) => void,
): Promise<ParsedTable<T>> {
  const out: ParsedTable<T> = {
    label: table.label,
    dataset: table.dataset,
    rows: [],
    lines: [],
    rowCount: 0,
  };
  const keys = new Map<string, number>();
  out.rowCount = await streamTable(table, spec, sink, onRows, {
    row(built, at, key) {
      const first = keys.get(key);
      if (first !== undefined) {
        sink.add(
          table.label,
          table.dataset,
          at,
          spec.keyColumn,
          duplicateMessage(spec, built, first),
        );
        return;
      }
      keys.set(key, at);
      out.rows.push(built);
      out.lines.push(at);
    },
  });
  return out;
}

export function duplicateMessage<T>(
  spec: FileSpec<T>,
  row: T,
  firstLine: number,
): ImportCodedMessage {
  return spec.duplicate(row, firstLine);
}

/**
 * Reads a table against its file spec: the header must name every column exactly once and no
 * other; each row is parsed field by field (every bad field is reported, not just the first),
 * then checked across fields and for a duplicate key within the file.
 */
export async function streamTable<T>(
  table: SourceTable,
  spec: FileSpec<T>,
  sink: ErrorSink,
  onRows: (n: number) => void,
  rows: RowStream<T>,
): Promise<number> {
  let rowCount = 0;
  const err = (line: number, column: string, message: string | ImportCodedMessage): void =>
    sink.add(table.label, table.dataset, line, column, message);
  const ncol = spec.columns.length;
  const index = new Int32Array(ncol).fill(-1);
  const names = spec.columns.map((c) => c.name);
  const parsers = spec.columns.map((c) => c.parse);
  let headerOk = false;
  let width = 0;
  const multiline = spec.columns.map((c) => MULTILINE.has(c.name));
  const values: unknown[] = new Array(ncol);
  let line = 0;
  let rowOk = true;
  const fail = (column: string, message: string | ImportCodedMessage): false => {
    err(line, column, message);
    rowOk = false;
    return false;
  };
  let pending = 0;

  const header = (cells: string[], at: number): void => {
    width = cells.length;
    const seen = new Map<string, number>();
    let ok = true;
    cells.forEach((name, i) => {
      if (name === '') {
        err(at, '', importMessage('HEADER_COLUMN_NO_NAME', { index: i + 1 }));
        ok = false;
      } else if (seen.has(name)) {
        err(at, name, importMessage('HEADER_COLUMN_TWICE'));
        ok = false;
      } else if (!names.includes(name)) {
        const hint = names.find((n) => n === name.trim().toLowerCase());
        err(
          at,
          name,
          hint
            ? importMessage('HEADER_COLUMN_CASE', { hint })
            : importMessage('HEADER_COLUMN_UNKNOWN', { expected: names.join(', ') }),
        );
        ok = false;
      }
      seen.set(name, i);
    });
    spec.columns.forEach((c, k) => {
      const i = seen.get(c.name);
      if (i === undefined) {
        err(at, c.name, importMessage('HEADER_COLUMN_MISSING'));
        ok = false;
      } else index[k] = i;
    });
    headerOk = ok;
  };

  const row = (cells: string[], at: number, controls?: boolean): void => {
    rowCount++;
    if (++pending >= 10000) {
      onRows(pending);
      pending = 0;
    }
    if (!headerOk) return;
    line = at;
    if (cells.length !== width) {
      err(
        at,
        '',
        importMessage('ROW_FIELD_COUNT', { fields: cells.length, width }),
      );
      return;
    }
    rowOk = true;
    for (let k = 0; k < ncol; k++) {
      const problem = controls
        ? controlProblem(cells[index[k]], multiline[k])
        : null;
      if (problem) {
        fail(names[k], problem);
        continue;
      }
      try {
        values[k] = parsers[k](cells[index[k]]);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        fail(names[k], e.coded);
      }
    }
    if (!rowOk) return;
    const built = spec.build(values, fail);
    if (!built || !rowOk) return;
    rows.row(built, at, spec.key(built));
  };

  try {
    const reject = (at: number, column: string, message: string | ImportCodedMessage): void => {
      rowCount++;
      err(at, column, message);
    };
    await table.read({
      header,
      row,
      reject,
      drain: rows.drain ? () => rows.drain!() : undefined,
    });
  } catch (e) {
    // a reader failing on a damaged file (a broken workbook part, say) is the file's problem
    if (e instanceof TableError) err(e.line, e.column, e.report);
    else
      err(
        line,
        '',
        importMessage('FILE_UNREADABLE', { detail: (e as Error).message.split('\n')[0] }),
      );
  }
  onRows(pending);
  return rowCount;
}
