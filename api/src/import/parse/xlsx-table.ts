import { Cell, CellValue, Row, ValueType, Workbook, Worksheet } from 'exceljs';
import { DatasetFile, importMessage } from '@sci/shared';
import {
  SourceTable,
  TableError,
  TableVisitor,
  yieldToEventLoop,
} from './table';

/**
 * Sheets of an .xlsx workbook, one per dataset file (data-format.md: the sheet is named like the
 * file without `.csv`). Cells become the text the CSV would hold: numbers in their shortest
 * decimal form, dates as YYYY-MM-DD, formulas by their cached result. A formula without a cached
 * result, an error value or a merged cell is a clear error: guessing would import wrong data.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function sheetTable(
  label: string,
  dataset: DatasetFile,
  ws: Worksheet,
): SourceTable {
  return {
    label,
    dataset,
    estimatedRows: Math.max(0, ws.actualRowCount - 1),
    read: (visitor) => readSheet(ws, visitor),
  };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

async function readSheet(ws: Worksheet, visitor: TableVisitor): Promise<void> {
  const headerNames = new Map<number, string>();
  const merges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  let width = 0;
  let seenHeader = false;
  let sinceYield = 0;
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => rows.push(row));
  for (const row of rows) {
    const n = row.number;
    if (!seenHeader) {
      width = row.cellCount;
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const t = cellText(row.getCell(c), n, '');
        cells.push(t);
        headerNames.set(c, t);
      }
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      width = cells.length;
      if (!width) continue;
      seenHeader = true;
      if (merges.length) throw mergedCells(merges, headerNames);
      visitor.header(cells, n);
      continue;
    }
    const cells: string[] = [];
    const last = Math.max(width, row.cellCount);
    let rejected = false;
    for (let c = 1; c <= last; c++) {
      const column = headerNames.get(c) ?? '';
      try {
        cells.push(cellText(row.getCell(c), n, column));
      } catch (err) {
        // a cell that cannot be read as meant (a code turned into a number...): report, go on
        if (!(err instanceof TableError) || !visitor.reject) throw err;
        visitor.reject(err.line, err.column, err.report);
        rejected = true;
        cells.push('');
      }
    }
    if (rejected) continue;
    // trailing empty cells beyond the header are formatting, not data
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    if (cells.every((v) => v === '')) continue;
    // cell text is never normalised by a parser: check every cell for control characters
    visitor.row(cells, n, true);
    if (++sinceYield >= 5000) {
      sinceYield = 0;
      await (visitor.drain?.() ?? yieldToEventLoop());
    }
  }
  if (!seenHeader)
    throw new TableError(1, importMessage('SHEET_EMPTY'));
}

function mergedCells(
  merges: string[],
  headerNames: Map<number, string>,
): TableError {
  const m = /^([A-Z]+)(\d+)/.exec(merges[0]);
  const line = m ? Number(m[2]) : 1;
  const column = m ? (headerNames.get(columnIndex(m[1])) ?? '') : '';
  return new TableError(
    line,
    `merged cells (${merges.slice(0, 5).join(', ')}) are not allowed; unmerge them and fill every cell`,
    column,
  );
}

/** Columns holding codes: a number there lost its leading zeros or (18 digits) its last digits. */
const CODE_COLUMNS = new Set([
  'uscc',
  'code',
  'parent_code',
  'bank_code',
  'institution_code',
  'loan_no',
  'reference',
]);
/** Columns holding a rate in percent: the only place a percent-formatted cell means what it shows. */
const RATE_COLUMNS = new Set(['rate']);

/**
 * A number as the decimal a person typed: binary noise past 15 significant digits dropped
 * (0.0427 × 100 is 4.2700000000000005 in binary; Excel itself shows 15 digits).
 */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** Whether a number format shows percent (a % outside quotes and brackets). */
export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').includes('%');
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A number cell of `column` as text, or a clear error when the number cannot mean what was meant. */
function numberCell(
  n: number,
  fmt: string | undefined,
  line: number,
  column: string,
): string {
  if (
    CODE_COLUMNS.has(column) &&
    (column === 'uscc' || !Number.isSafeInteger(n) || n < 0)
  ) {
    throw new TableError(
      line,
      importMessage('CELL_NUMBER_CODE', { value: Number.isSafeInteger(n) ? numberText(n) : String(n) }),
      column,
    );
  }
  if (isPercentFormat(fmt)) {
    if (!RATE_COLUMNS.has(column)) {
      throw new TableError(
        line,
        importMessage('CELL_PERCENT_NOT_RATE', { value: numberText(n * 100), column: column || '?' }),
        column,
      );
    }
    // a percent cell of a rate column holds the fraction: 4.35 % is stored as 0.0435
    return numberText(n * 100);
  }
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) {
    throw new TableError(
      line,
      `the cell is a number too large to be exact (${String(n)}); format the column as text`,
      column,
    );
  }
  return numberText(n);
}

function cellText(cell: Cell, line = 1, column = ''): string {
  const v = cell.value as CellValue | undefined;
  if (v === null || v === undefined) return '';
  if (cell.type === ValueType.Formula) {
    // the saved result; exceljs' cell.value drops a result of 0, '' or false, cell.result keeps it
    const result = cell.result as CellValue | undefined;
    if (result === undefined || result === null) {
      throw new TableError(
        line,
        importMessage('FORMULA_NO_RESULT'),
        column,
      );
    }
    return valueText(result, cell.numFmt, line, column);
  }
  return valueText(v, cell.numFmt, line, column);
}

function valueText(
  v: CellValue,
  fmt: string | undefined,
  line: number,
  column: string,
): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberCell(v, fmt, line, column);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o)
    throw new TableError(
      line,
      `the cell holds the error value ${String(o['error'])}`,
      column,
    );
  if ('richText' in o)
    return (o['richText'] as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return valueText(o['text'] as CellValue, fmt, line, column);
  return String(v);
}
