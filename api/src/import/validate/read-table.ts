import type { DatasetFile } from '@sci/shared';
import { SourceTable, TableError } from '../parse/table';
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

/**
 * Reads a table against its file spec: the header must name every column exactly once and no
 * other; each row is parsed field by field (every bad field is reported, not just the first),
 * then checked across fields and for a duplicate key within the file.
 */
export async function readTable<T>(
  table: SourceTable,
  spec: FileSpec<T>,
  sink: ErrorSink,
  onRows: (n: number) => void,
): Promise<ParsedTable<T>> {
  const out: ParsedTable<T> = { label: table.label, dataset: table.dataset, rows: [], lines: [], rowCount: 0 };
  const err = (line: number, column: string, message: string): void => sink.add(table.label, table.dataset, line, column, message);
  const ncol = spec.columns.length;
  const index = new Int32Array(ncol).fill(-1);
  const names = spec.columns.map((c) => c.name);
  const parsers = spec.columns.map((c) => c.parse);
  let headerOk = false;
  let width = 0;
  const keys = new Map<string, number>();
  const values: unknown[] = new Array(ncol);
  let line = 0;
  let rowOk = true;
  const fail = (column: string, message: string): false => {
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
        err(at, '', `column ${i + 1} of the header has no name`);
        ok = false;
      } else if (seen.has(name)) {
        err(at, name, 'column given twice in the header');
        ok = false;
      } else if (!names.includes(name)) {
        const hint = names.find((n) => n === name.trim().toLowerCase());
        err(at, name, hint ? `unknown column (column names are exact and lower case: "${hint}")` : `unknown column (expected ${names.join(', ')})`);
        ok = false;
      }
      seen.set(name, i);
    });
    spec.columns.forEach((c, k) => {
      const i = seen.get(c.name);
      if (i === undefined) {
        err(at, c.name, 'missing column');
        ok = false;
      } else index[k] = i;
    });
    headerOk = ok;
  };

  const row = (cells: string[], at: number): void => {
    out.rowCount++;
    if (++pending >= 10000) {
      onRows(pending);
      pending = 0;
    }
    if (!headerOk) return;
    line = at;
    if (cells.length !== width) {
      err(at, '', `the row has ${cells.length} fields, the header has ${width}`);
      return;
    }
    rowOk = true;
    for (let k = 0; k < ncol; k++) {
      try {
        values[k] = parsers[k](cells[index[k]]);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        fail(names[k], e.message);
      }
    }
    if (!rowOk) return;
    const built = spec.build(values, fail);
    if (!built || !rowOk) return;
    const key = spec.key(built);
    const first = keys.get(key);
    if (first !== undefined) {
      err(at, spec.keyColumn, `duplicate ${spec.describeKey(built)} (first at line ${first})`);
      return;
    }
    keys.set(key, at);
    out.rows.push(built);
    out.lines.push(at);
  };

  try {
    await table.read({ header, row });
  } catch (e) {
    // a reader failing on a damaged file (a broken workbook part, say) is the file's problem
    if (e instanceof TableError) err(e.line, e.column, e.message);
    else err(line, '', `cannot read the file here: ${(e as Error).message.split('\n')[0]}`);
  }
  onRows(pending);
  return out;
}
