import { formatImportError, ImportResult } from '@sci/shared';
import { Workbook } from 'exceljs';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { tempDir, testDatabases } from '../support/databases';
import { copyFixture, FIXTURES, folderToWorkbook, readLines, snapshotTables } from '../support/fixtures';
import { importServiceFor } from '../support/import';

const SD_SMALL = join(FIXTURES, 'sd-small');
const FILES = ['institutions.csv', 'enterprises.csv', 'qualifications.csv', 'loans.csv', 'qualitative.csv', 'penalties.csv', 'applications.csv', 'decisions.csv'];
const lines = (r: ImportResult): string[] => r.errors.map(formatImportError);
const file = (name: string, text: string | Buffer) => ({ name, bytes: typeof text === 'string' ? Buffer.from(text) : text });

describe.each(testDatabases().map((d) => [d.name, d] as const))('ImportService files on %s', (_name, db) => {
  let ds: DataSource;
  let service: ImportService;

  beforeEach(async () => {
    ds = (await db.fresh()).dataSource;
    service = importServiceFor(ds);
  });

  afterEach(async () => {
    await ds?.destroy();
  });

  describe('importFiles', () => {
    it('should store the same tables from an .xlsx workbook and from a .zip as from the CSV folder', async () => {
      await expect(service.importDirectory(SD_SMALL).then(lines)).resolves.toEqual([]);
      const fromCsv = await snapshotTables(ds);
      const xlsx = await folderToWorkbook(SD_SMALL, FILES, join(tempDir(), 'sd-small.xlsx'));
      const zip = new JSZip();
      for (const f of FILES) zip.file(`sd-small/${f}`, readFileSync(join(SD_SMALL, f)));
      const zipBytes = await zip.generateAsync({ type: 'nodebuffer' });
      for (const input of [file('sd-small.xlsx', readFileSync(xlsx)), file('sd-small.zip', zipBytes)]) {
        const other = await db.fresh();
        try {
          const r = await importServiceFor(other.dataSource).importFiles([input]);
          expect([input.name, lines(r)]).toEqual([input.name, []]);
          await expect(snapshotTables(other.dataSource)).resolves.toEqual(fromCsv);
        } finally {
          await other.dataSource.destroy();
        }
      }
    });

    it('should accept a BOM and CRLF line ends', async () => {
      const dir = copyFixture();
      const inst = '\uFEFF' + readLines(dir, 'institutions.csv').slice(0, 4).join('\r\n') + '\r\n';
      const r = await service.importFiles([file('institutions.csv', inst)]);
      expect(lines(r)).toEqual([]);
      expect(r.counts).toEqual({ institutions: 3 });
    });

    it.each([
      ['an empty file', file('loans.csv', ''), ['loans.csv:1:: the file is empty (expected a header line)']],
      [
        'a header with a wrong name',
        file('penalties.csv', 'institution_code,decided_on,Kind,reference\n'),
        ['penalties.csv:1:Kind: unknown column (column names are exact and lower case: "kind")', 'penalties.csv:1:kind: missing column'],
      ],
      ['an unknown column', file('decisions.csv', 'year,institution_code,decision,reason,note\n'), [/^decisions\.csv:1:note: unknown column \(expected year, /]],
      ['a row with too many fields', file('decisions.csv', 'year,institution_code,decision,reason\n2024,X,confirm,,extra\n'), ['decisions.csv:2:: the row has 5 fields, the header has 4']],
      ['an unclosed quote', file('decisions.csv', 'year,institution_code,decision,reason\n2024,X,reject,"no\n2024,Y,confirm,\n'), ['decisions.csv:2:: invalid CSV: a quoted field is not closed']],
      [
        'a stray quote after a quoted field',
        file('decisions.csv', 'year,institution_code,decision,reason\n2024,X,reject,"no"x\n'),
        ['decisions.csv:2:: invalid CSV: a quote inside a quoted field must be doubled ("")'],
      ],
      ['an unknown file name', file('banks.csv', 'code\nX\n'), [/^banks\.csv:0:: unknown file name \(expected one of institutions\.csv, /]],
      ['an unsupported type', file('loans.txt', 'x'), ['loans.txt:0:: unsupported file type (expected .csv, .xlsx or .zip)']],
      ['a file that is not a zip', file('data.zip', 'hello'), ['data.zip:0:: not a zip archive']],
      ['an .xls renamed .xlsx', file('data.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), [/^data\.xlsx:0:: not an \.xlsx workbook/]],
    ])('should reject %s with a clear error and no crash', async (_what, input, expected) => {
      const r = await service.importFiles([input]);
      expect(r.status).toBe('failed');
      expect(r.errorCount).toBe(expected.length);
      expected.forEach((e, i) => (typeof e === 'string' ? expect(lines(r)[i]).toBe(e) : expect(lines(r)[i]).toMatch(e)));
    });

    it('should reject bytes that are not UTF-8 with the line they are on', async () => {
      const text = Buffer.concat([
        Buffer.from('institution_code,decided_on,kind,reference\nICBC,2025-01-01,penalty,A1\nICBC,2025-01-02,penalty,'),
        // GBK bytes of 鲁金, as an old Excel saves them: C2 B3 happens to be valid UTF-8, BD is not
        Buffer.from([0xc2, 0xb3, 0xbd, 0xf0]),
        Buffer.from('\n'),
      ]);
      const r = await service.importFiles([file('penalties.csv', text)]);
      // GBK bytes get the way out (issue 11), at the line they are on
      expect(lines(r)).toEqual([
        'penalties.csv:3:: the file is not UTF-8: it looks like GB18030/GBK (what Excel saves as "CSV" on Chinese Windows; first such byte at offset 96); ' +
          'in Excel use Save As → "CSV UTF-8 (Comma delimited)", or in WPS/LibreOffice choose the UTF-8 encoding',
      ]);
    });

    it('should count physical lines across a quoted field that spans lines', async () => {
      await service.importFiles([file('institutions.csv', readLines(SD_SMALL, 'institutions.csv').slice(0, 2).join('\n'))]);
      const csv = 'year,institution_code,decision,reason\n2024,ICBC,reject,"规模不足,\n户数不足"\n2024,ICBC,maybe,\n';
      const r = await service.importFiles([file('decisions.csv', csv)]);
      expect(lines(r)).toEqual(['decisions.csv:4:decision: "maybe" is not one of confirm, reject']);
    });

    it('should reject a dataset file given twice in one batch', async () => {
      const csv = readFileSync(join(SD_SMALL, 'penalties.csv'));
      const zip = new JSZip();
      zip.file('penalties.csv', csv);
      const r = await service.importFiles([file('penalties.csv', csv), file('more.zip', await zip.generateAsync({ type: 'nodebuffer' }))]);
      expect(lines(r)).toContain('more.zip/penalties.csv:0:: penalties is given twice in this import (also penalties.csv); send each file once');
    });

    it('should reject a formula without a saved result, an error value and merged cells', async () => {
      const wb = new Workbook();
      const dec = wb.addWorksheet('decisions');
      dec.addRow(['year', 'institution_code', 'decision', 'reason']);
      dec.addRow([2024, 'ICBC', 'confirm', '']);
      dec.getCell('A2').value = { formula: '2023+1' } as never;
      const pen = wb.addWorksheet('penalties');
      pen.addRow(['institution_code', 'decided_on', 'kind', 'reference']);
      pen.addRow(['ICBC', '2025-01-01', 'penalty', 'A']);
      pen.addRow(['ICBC', '2025-01-02', 'penalty', 'B']);
      pen.mergeCells('C2:C3');
      const app = wb.addWorksheet('qualitative');
      app.addRow(['year', 'institution_code', 'block', 'score', 'evidence']);
      app.addRow([2024, 'ICBC', 'Q1', { error: '#DIV/0!' }, '']);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const r = await service.importFiles([file('book.xlsx', bytes)]);
      expect(lines(r)).toEqual([
        'book.xlsx[qualitative]:2:score: the cell holds the error value #DIV/0!',
        'book.xlsx[penalties]:2:kind: merged cells (C2:C3) are not allowed; unmerge them and fill every cell',
        'book.xlsx[decisions]:2:year: a formula without a saved result; open and save the workbook in Excel, or paste values',
      ]);
    });

    it('should use the saved result of a formula and read a one-sheet workbook named like the file', async () => {
      await service.importFiles([file('institutions.csv', readLines(SD_SMALL, 'institutions.csv').slice(0, 2).join('\n'))]);
      const wb = new Workbook();
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['institution_code', 'decided_on', 'kind', 'reference']);
      ws.addRow(['ICBC', new Date(Date.UTC(2025, 0, 18)), 'penalty', { formula: '"鲁金罚"&"1号"', result: '鲁金罚1号' }]);
      const r = await service.importFiles([file('penalties.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))]);
      expect(lines(r)).toEqual([]);
      await expect(ds.query('SELECT institution_code, decided_on, kind, reference FROM penalty')).resolves.toEqual([
        { institution_code: 'ICBC', decided_on: '2025-01-18', kind: 'penalty', reference: '鲁金罚1号' },
      ]);
    });

    it('should count every error but keep the first 1000', async () => {
      const rows = ['year,institution_code,block,score,evidence'];
      for (let i = 0; i < 1500; i++) rows.push(`20x${i},ICBC,Q1,50,`);
      const r = await service.importFiles([file('qualitative.csv', rows.join('\n'))]);
      expect([r.errorCount, r.errors.length, lines(r)[0]]).toEqual([1500, 1000, 'qualitative.csv:2:year: "20x0" is not a year (4 digits)']);
      const stored = await service.getBatch(r.batchId);
      expect([stored.status, stored.errorCount, stored.errors.length, stored.errors[999]]).toEqual(['failed', 1500, 1000, r.errors[999]]);
    });
  });
});
