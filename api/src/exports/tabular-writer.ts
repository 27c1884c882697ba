import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

/**
 * Writes a table as CSV (UTF-8, RFC 4180, LF line ends, no BOM) or as an XLSX workbook with one
 * sheet. Shared by every export of data-format.md (results, certification).
 * Cells: null/undefined = empty field; numbers unrounded in the shortest text that reads back as
 * the same double (JavaScript's String(n)) in CSV, and as numeric cells in XLSX.
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

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v;
}

export function toCsv(t: Table): Buffer {
  const text = stringify([t.columns as string[], ...t.rows.map((r) => r.map(csvCell))], { record_delimiter: '\n' });
  return Buffer.from(text, 'utf8');
}

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name);
  ws.addRow([...t.columns]);
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeTable(t: Table, format: TabularFormat): Promise<WrittenFile> {
  return {
    filename: `${t.name}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'csv' ? toCsv(t) : await toXlsx(t),
  };
}
