import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

/**
 * THE writer of every CSV and XLSX the product hands out (results and certification exports,
 * API and CLI, import errors.csv): UTF-8, RFC 4180, LF line ends, no BOM unless asked, or an
 * XLSX workbook with one sheet.
 * Cells: null/undefined = empty field; numbers unrounded in the shortest text that reads back as
 * the same double (JavaScript's String(n)) in CSV, and as numeric cells in XLSX.
 * Text cells are neutralised against formula injection (neutraliseCell).
 */
export type Cell = string | number | null | undefined;

export type TabularFormat = 'csv' | 'xlsx';

export const TABULAR_FORMATS: readonly TabularFormat[] = ['csv', 'xlsx'];

export interface Table {
  /** sheet name in XLSX (the file name without .csv, as data-format.md names sheets) */
  name: string;
  columns: readonly string[];
  rows: Cell[][];
}

export interface WrittenFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const CONTENT_TYPES: Record<TabularFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Text that reads as a plain number ("-12.5", "+3", "1e-9"): a spreadsheet makes it a number, never a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as it may be written: one starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'`, which spreadsheets show as text and do not evaluate (`=HYPERLINK(...)` from an
 * uploaded header stays inert). Numbers are never touched — they are written as numbers — and
 * neither is text that is a plain number like "-12.5", which no spreadsheet runs.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : neutraliseCell(v);
}

function xlsxCell(v: Cell): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : neutraliseCell(v);
}

/** `bom`: a UTF-8 byte order mark first, for files people open in Excel (which guesses GBK without it). */
export function toCsv(t: Table, opts: { bom?: boolean } = {}): Buffer {
  const text = stringify([(t.columns as string[]).map(neutraliseCell), ...t.rows.map((r) => r.map(csvCell))], { record_delimiter: '\n' });
  return Buffer.from(opts.bom ? `\uFEFF${text}` : text, 'utf8');
}

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name);
  ws.addRow(t.columns.map(neutraliseCell));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map(xlsxCell));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeTable(t: Table, format: TabularFormat): Promise<WrittenFile> {
  return {
    filename: `${t.name}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'csv' ? toCsv(t) : await toXlsx(t),
  };
}
