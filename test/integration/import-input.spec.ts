import { formatImportError, ImportResult } from '@sci/shared';
import { Workbook } from 'exceljs';
import { writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { tempDir, testDatabases } from '../support/databases';
import { FIXTURES, readLines } from '../support/fixtures';
import { importServiceFor } from '../support/import';

/**
 * Input hardening (issues 11 and 16): what real clients send — large files, mixed line ends,
 * control characters, GBK, zip bombs, empty archives, old spreadsheet formats, workbooks as
 * Excel and LibreOffice save them — is stored exactly as meant or refused at its file, line and
 * column. Parsing does not depend on the database: SQLite only.
 */
const SD_SMALL = join(FIXTURES, 'sd-small');
const lines = (r: ImportResult): string[] => r.errors.map(formatImportError);
const file = (name: string, text: string | Buffer) => ({
  name,
  bytes: typeof text === 'string' ? Buffer.from(text) : text,
});
const REFS = ['institutions.csv', 'enterprises.csv'];

/** sd-small's loans repeated with fresh loan numbers until `n` data rows (all valid). */
function manyLoans(n: number): string[] {
  const src = readLines(SD_SMALL, 'loans.csv');
  const out = [src[0]];
  for (let copy = 0; out.length <= n; copy++) {
    for (let i = 1; i < src.length && out.length <= n; i++)
      out.push(src[i].replace(/^([^,]*),L/, `$1,C${copy}L`));
  }
  return out;
}

describe('import input hardening on sqlite', () => {
  const db = testDatabases()[0];
  let ds: DataSource;
  let service: ImportService;

  beforeAll(async () => {
    ds = (await db.fresh()).dataSource;
    service = importServiceFor(ds);
    const refs = await service.importFiles(
      REFS.map((f) => file(f, readLines(SD_SMALL, f).join('\n') + '\n')),
    );
    expect(lines(refs)).toEqual([]);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  describe('large files', () => {
    it('should report a bad row past several 20,000-row slices at its real line', async () => {
      const rows = manyLoans(120000);
      rows[100001] = rows[100001].replace(
        /,(\d+\.\d\d),(\d+\.\d\d),/,
        ',12x4.00,$2,',
      );
      const r = await service.importFiles([
        file('loans.csv', rows.join('\n') + '\n'),
      ]);
      expect(lines(r)).toEqual([
        'loans.csv:100002:amount: "12x4.00" is not an amount in yuan (at most 2 decimals, no separators)',
      ]);
      expect(r.counts.loans).toBe(120000);
    }, 120000);

    it('should report an invalid byte deep in a large file at its real line, and store nothing', async () => {
      const rows = manyLoans(90000);
      const at = 85000;
      const before = Buffer.from(rows.slice(0, at).join('\n') + '\n');
      const bad = Buffer.concat([
        before,
        Buffer.from([0x4c, 0xff]),
        Buffer.from(rows.slice(at).join('\n').slice(1) + '\n'),
      ]);
      const r = await service.importFiles([file('loans.csv', bad)]);
      expect(lines(r)).toEqual([
        `loans.csv:${at + 1}:: the file is not UTF-8 (invalid byte at offset ${before.length + 1}); save it as UTF-8 CSV`,
      ]);
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM loan');
      expect(Number(n)).toBe(0);
    }, 120000);
  });

  describe('text', () => {
    it('should read mixed LF and CRLF lines alike and store no carriage return', async () => {
      const pen = readLines(SD_SMALL, 'penalties.csv');
      const text =
        pen[0] +
        '\r\n' +
        pen[1] +
        '\n' +
        pen[2] +
        '\r\n' +
        pen.slice(3).join('\n') +
        '\r\n';
      const r = await service.importFiles([file('penalties.csv', text)]);
      expect(lines(r)).toEqual([]);
      expect(r.counts.penalties).toBe(pen.length - 1);
      const stored: { reference: string; decided_on: string }[] =
        await ds.query('SELECT reference, decided_on FROM penalty');
      expect(stored).toHaveLength(pen.length - 1);
      expect(
        stored.filter((p) => /[\r\n]/.test(p.reference + p.decided_on)),
      ).toEqual([]);
    });

    it.each([
      ['a NUL byte', '\u0000', 'the control character NUL (U+0000)'],
      ['a stray carriage return', 'x\ry', 'the control character CR (U+000D)'],
      ['a tab', '\t', 'the control character TAB (U+0009)'],
    ])(
      'should refuse %s in a text field with file, line and column',
      async (_what, inject, named) => {
        const ent = readLines(SD_SMALL, 'enterprises.csv');
        const cells = ent[2].split(',');
        cells[1] = `"${cells[1]}${inject}"`;
        const text =
          [ent[0], ent[1], cells.join(','), ent[3]].join('\n') + '\n';
        const r = await service.importFiles([file('enterprises.csv', text)]);
        expect(lines(r)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^enterprises\\.csv:3:name: holds ${named.replace(/[()+]/g, '\\$&')} at character \\d+; fields must not contain control characters$`,
            ),
          ),
        ]);
      },
    );

    it('should tell a GB18030 (GBK) file apart and say how to save it as UTF-8', async () => {
      const ent =
        readLines(SD_SMALL, 'enterprises.csv').slice(0, 5).join('\r\n') +
        '\r\n';
      const r = await service.importFiles([
        file('enterprises.csv', iconv.encode(ent, 'gb18030')),
      ]);
      expect(r.status).toBe('failed');
      expect(lines(r)).toEqual([
        expect.stringMatching(
          /^enterprises\.csv:2:: the file is not UTF-8: it looks like GB18030\/GBK .*CSV UTF-8/,
        ),
      ]);
    });
  });

  describe('archives and file types', () => {
    it('should refuse a zip bomb by its ratio before unpacking it', async () => {
      const zip = new JSZip();
      zip.file('loans.csv', Buffer.alloc(64 * 1024 * 1024, 0x30));
      const bytes = await zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
      });
      expect(bytes.length).toBeLessThan(1024 * 1024);
      const before = process.memoryUsage().rss;
      const r = await service.importFiles([file('bomb.zip', bytes)]);
      expect(lines(r)).toEqual([
        expect.stringMatching(
          /^bomb\.zip\/loans\.csv:0:: the entry unpacks \d+ times its packed size \(limit 100×\): refused as a zip bomb$/,
        ),
      ]);
      expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    });

    it('should call an empty zip empty, not "not a zip archive"', async () => {
      const bytes = await new JSZip().generateAsync({ type: 'nodebuffer' });
      const r = await service.importFiles([file('empty.zip', bytes)]);
      expect(lines(r)).toEqual([
        expect.stringMatching(
          /^empty\.zip:0:: the zip archive is empty \(expected institutions\.csv, /,
        ),
      ]);
    });

    it('should refuse .xls and .ods in a folder by name instead of skipping them', async () => {
      const dir = tempDir();
      writeFileSync(
        join(dir, 'loans.xls'),
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
      );
      writeFileSync(join(dir, 'penalties.ods'), Buffer.from('PK'));
      const r = await service.importDirectory(dir);
      expect(lines(r)).toEqual([
        'loans.xls:0:: an Excel 97-2003 workbook (.xls) is not supported: save it as Excel Workbook (.xlsx) or as CSV UTF-8',
        'penalties.ods:0:: an OpenDocument spreadsheet (.ods) is not supported: save it as Excel Workbook (.xlsx) or as CSV UTF-8',
      ]);
    });
  });

  describe('workbooks', () => {
    /** A loans sheet as a spreadsheet saves it: rate as a percent cell, numbers as numbers. */
    async function loansBook(
      edit: (ws: import('exceljs').Worksheet) => void,
    ): Promise<Buffer> {
      const src = readLines(SD_SMALL, 'loans.csv').slice(0, 4);
      const wb = new Workbook();
      const ws = wb.addWorksheet('loans');
      const header = src[0].split(',');
      ws.addRow(header);
      for (const l of src.slice(1)) {
        const c: (string | number)[] = l.split(',');
        const r = ws.addRow(
          c.map((v, i) =>
            ['amount', 'balance'].includes(header[i])
              ? Number(v)
              : header[i] === 'rate'
                ? Number(v) / 100
                : v,
          ),
        );
        r.getCell(header.indexOf('rate') + 1).numFmt = '0.0000%';
      }
      // Excel's empty extra sheets
      wb.addWorksheet('Sheet2');
      wb.addWorksheet('Sheet3');
      edit(ws);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }

    it('should read a percent cell of the rate column as percent, without float noise, and ignore empty sheets', async () => {
      const r = await service.importFiles([
        file('book.xlsx', await loansBook(() => undefined)),
      ]);
      expect(lines(r)).toEqual([]);
      const [first] = await ds.query(
        "SELECT rate_e4, amount_fen FROM loan WHERE loan_no = 'L00000001'",
      );
      // 4.2698 % saved as 0.042698 (0.04269799999999999 after ×100 in binary)
      expect([Number(first.rate_e4), Number(first.amount_fen)]).toEqual([
        42698, 151600000,
      ]);
    });

    it('should refuse an 18-digit USCC turned into a number, naming the cell and the fix', async () => {
      const bytes = await loansBook((ws) => {
        ws.getCell('D2').value = 913703008085591148;
      });
      const r = await service.importFiles([file('book.xlsx', bytes)]);
      expect(lines(r)).toEqual([
        'book.xlsx[loans]:2:uscc: the cell is a number (913703008085591200), so the code lost digits or leading zeros; format the column as text and enter the codes again',
      ]);
    });

    it('should refuse a percent cell outside a rate column', async () => {
      const bytes = await loansBook((ws) => {
        ws.getCell('G2').numFmt = '0.00%';
      });
      const r = await service.importFiles([file('book.xlsx', bytes)]);
      expect(lines(r)).toEqual([
        expect.stringMatching(
          /^book\.xlsx\[loans\]:2:amount: the cell is formatted as a percent \(.* %\), but amount is not a rate; enter the plain number$/,
        ),
      ]);
    });

    it('should take a formula whose saved result is 0 as 0', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('applications');
      const src = readLines(SD_SMALL, 'applications.csv').slice(0, 2);
      const header = src[0].split(',');
      ws.addRow(header);
      ws.addRow(src[1].split(','));
      ws.getCell(2, header.indexOf('tech_rm_count') + 1).value = {
        formula: '1-1',
        result: 0,
      } as never;
      const r = await service.importFiles([
        file('applications.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
      ]);
      expect(lines(r)).toEqual([]);
      const [row] = await ds.query(
        'SELECT tech_rm_count FROM certification_application',
      );
      expect(Number(row.tech_rm_count)).toBe(0);
    });
  });
});
