import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ReadableTable } from './readable-table';
import type { WrittenFile } from './tabular-writer';

/**
 * Writes the readable table (readable-table.ts). CSV: UTF-8 with a BOM so Excel opens Chinese
 * headers right, the title as the first line. XLSX: title row, bold frozen header, column widths,
 * number formats. The one place readable files are written: when the shared writer with formula
 * neutralisation (api/src/core/export) lands, only this file changes.
 */
export async function writeReadable(
  t: ReadableTable,
  format: 'csv' | 'xlsx',
): Promise<WrittenFile> {
  if (format === 'csv') {
    const text = stringify(
      [
        [t.title],
        t.columns.map((c) => c.header),
        ...t.rows.map((r) => r.map((v) => (v === null ? '' : v))),
      ],
      {
        record_delimiter: '\r\n',
      },
    );
    return {
      filename: `${t.name}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${text}`, 'utf8'),
    };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
  });
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  const title = ws.addRow([t.title]);
  title.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, t.columns.length);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.fill = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: 'FFF0F0F0' },
  };
  for (const r of t.rows) ws.addRow(r);
  t.columns.forEach((c, i) => {
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  ws.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: 2, column: t.columns.length },
  };
  return {
    filename: `${t.name}.xlsx`,
    contentType:
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
