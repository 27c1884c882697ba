import { CellValue, Workbook, Worksheet } from 'exceljs';
import type { DatasetFile } from '@sci/shared';
import { SourceTable, TableError, TableVisitor, yieldToEventLoop } from './table';

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

export function sheetTable(label: string, dataset: DatasetFile, ws: Worksheet): SourceTable {
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
  const rows: { n: number; values: CellValue[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => rows.push({ n, values: (row.values as CellValue[]) ?? [] }));
  for (const { n, values } of rows) {
    if (!seenHeader) {
      width = values.length - 1;
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const t = cellText(values[c], n, '');
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
    const last = Math.max(width, values.length - 1);
    for (let c = 1; c <= last; c++) cells.push(cellText(values[c], n, headerNames.get(c) ?? ''));
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
  if (!seenHeader) throw new TableError(1, 'the sheet is empty (expected a header row)');
}

function mergedCells(merges: string[], headerNames: Map<number, string>): TableError {
  const m = /^([A-Z]+)(\d+)/.exec(merges[0]);
  const line = m ? Number(m[2]) : 1;
  const column = m ? (headerNames.get(columnIndex(m[1])) ?? '') : '';
  return new TableError(line, `merged cells (${merges.slice(0, 5).join(', ')}) are not allowed; unmerge them and fill every cell`, column);
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function cellText(v: CellValue | undefined, line = 1, column = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o['result'];
    if (result === undefined || result === null) {
      throw new TableError(line, 'a formula without a saved result; open and save the workbook in Excel, or paste values', column);
    }
    return cellText(result as CellValue, line, column);
  }
  if ('error' in o) throw new TableError(line, `the cell holds the error value ${String(o['error'])}`, column);
  if ('richText' in o) return (o['richText'] as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return cellText(o['text'] as CellValue, line, column);
  return String(v);
}
