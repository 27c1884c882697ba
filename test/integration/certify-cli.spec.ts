import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { tempDir } from '../support/databases';
import { FIXTURES } from '../support/fixtures';

/**
 * `certify` is a fixed interface used by automated checks: it is run here exactly as they run it,
 * as a separate process on the built bundle (npm test builds the API before these suites).
 */
const CLI = resolve(__dirname, '../../dist/api/cli.js');
const DATA = join(FIXTURES, 'sd-small');
const EXPECTED = join(FIXTURES, 'sd-small-expected', 'certification-2025.csv');

function certify(args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  if (!existsSync(CLI))
    throw new Error(
      `${CLI} is missing: build the API first (npx nx build api)`,
    );
  const r = spawnSync(process.execPath, [CLI, 'certify', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('certify (CLI)', () => {
  describe('valid data', () => {
    it('should write the certification export of sd-small 2025 byte for byte equal to the expected one', () => {
      const out = join(tempDir(), 'certification-2025.csv');
      const r = certify(['--data', DATA, '--year', '2025', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(EXPECTED, 'utf8'));
    });

    it('should write the same table as an XLSX workbook with --format xlsx', async () => {
      const out = join(tempDir(), 'certification.xlsx');
      const r = certify([
        '--data',
        DATA,
        '--year',
        '2025',
        '--out',
        out,
        '--format',
        'xlsx',
      ]);
      expect(r.status).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows: string[] = [];
      wb.worksheets[0].eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map(String).join(',')),
      );
      expect(rows).toEqual(
        readFileSync(EXPECTED, 'utf8').trimEnd().split('\n'),
      );
    });

    it('should treat only the decisions register as "certified the year before"', () => {
      // without decisions.csv nobody was certified in 2024: every unit is an applicant, none retain/delist
      const dir = join(tempDir(), 'no-register');
      cpSync(DATA, dir, { recursive: true });
      rmSync(join(dir, 'decisions.csv'));
      const out = join(tempDir(), 'c.csv');
      expect(
        certify(['--data', dir, '--year', '2025', '--out', out]).status,
      ).toBe(0);
      const outcomes = readFileSync(out, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2]);
      expect(outcomes).toHaveLength(55);
      expect(outcomes.filter((o) => o === 'retain' || o === 'delist')).toEqual(
        [],
      );
    });
  });

  describe('bad input', () => {
    it('should fail with one line when the folder does not exist', () => {
      const r = certify([
        '--data',
        '/nonexistent/folder',
        '--year',
        '2025',
        '--out',
        join(tempDir(), 'x.csv'),
      ]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('/nonexistent/folder'),
      ]);
    });

    it.each(['25', '2025Q4'])(
      'should fail on the malformed year %s',
      (year) => {
        const r = certify([
          '--data',
          DATA,
          '--year',
          year,
          '--out',
          join(tempDir(), 'x.csv'),
        ]);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toContain(`--year "${year}"`);
      },
    );

    it('should fail when the fourth quarter of the year has no data, naming the periods that have', () => {
      const out = join(tempDir(), 'x.csv');
      const r = certify(['--data', DATA, '--year', '2023', '--out', out]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /2023Q4.*2024Q4, 2025Q1, 2025Q2, 2025Q3, 2025Q4/,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('should fail on an unknown --format', () => {
      const r = certify([
        '--data',
        DATA,
        '--year',
        '2025',
        '--out',
        join(tempDir(), 'x.csv'),
        '--format',
        'pdf',
      ]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('--format "pdf"');
    });

    it('should report invalid application rows as file:line:column lines and write nothing', () => {
      const dir = join(tempDir(), 'bad');
      cpSync(DATA, dir, { recursive: true });
      const lines = readFileSync(join(dir, 'applications.csv'), 'utf8').split(
        '\n',
      );
      const cells = lines[2].split(',');
      cells[3] = '-1'; // tech_rm_count of line 3
      lines[2] = cells.join(',');
      writeFileSync(join(dir, 'applications.csv'), lines.join('\n'));
      const out = join(tempDir(), 'x.csv');
      const r = certify(['--data', dir, '--year', '2025', '--out', out]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^applications\.csv:3:tech_rm_count: .+$/m);
      expect(r.stderr).toMatch(/invalid data/);
      expect(existsSync(out)).toBe(false);
    });
  });
});
