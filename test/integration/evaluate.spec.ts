import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { tempDir } from '../support/databases';
import { diffResults, expectedResults, FIXTURE_DIR } from './results-compare';

/**
 * `evaluate` is a fixed interface used by automated checks: it is run here exactly as they run
 * it, as a separate process on the built bundle (npm test builds the API before these suites).
 */
const CLI = resolve(__dirname, '../../dist/api/cli.js');

function evaluate(args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the API first (npx nx build api)`);
  const r = spawnSync(process.execPath, [CLI, 'evaluate', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('evaluate (CLI)', () => {
  describe('valid data', () => {
    it.each(['2025Q2', '2025Q4'])('should write the results export of sd-small %s equal to the expected one', (period) => {
      const out = join(tempDir(), `results-${period}.csv`);
      const r = evaluate(['--data', FIXTURE_DIR, '--period', period, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(diffResults(readFileSync(out, 'utf8'), expectedResults(period))).toEqual([]);
    });

    it('should write the same table as an XLSX workbook with --format xlsx', async () => {
      const out = join(tempDir(), 'results.xlsx');
      const r = evaluate(['--data', FIXTURE_DIR, '--period', '2025Q4', '--out', out, '--format', 'xlsx']);
      expect(r.status).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.worksheets[0];
      const rows: string[] = [];
      ws.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1);
        rows.push(cells.map((v) => (v === null || v === undefined ? '' : `"${String(v)}"`)).join(','));
      });
      expect(diffResults(rows.join('\n') + '\n', expectedResults('2025Q4'))).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('should fail with one line when the folder does not exist', () => {
      const r = evaluate(['--data', '/nonexistent/folder', '--period', '2025Q4', '--out', join(tempDir(), 'x.csv')]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('/nonexistent/folder')]);
    });

    it('should fail when the period has no data, naming the periods that have', () => {
      const out = join(tempDir(), 'x.csv');
      const r = evaluate(['--data', FIXTURE_DIR, '--period', '2023Q4', '--out', out]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/2023Q4.*no loans.*2024Q4, 2025Q1, 2025Q2, 2025Q3, 2025Q4/);
      expect(existsSync(out)).toBe(false);
    });

    it('should fail on a malformed period', () => {
      const r = evaluate(['--data', FIXTURE_DIR, '--period', '2025-12', '--out', join(tempDir(), 'x.csv')]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/--period "2025-12"/);
    });

    it('should report invalid rows as file:line:column lines and write nothing', () => {
      const dir = join(tempDir(), 'bad');
      cpSync(FIXTURE_DIR, dir, { recursive: true });
      const loans = readFileSync(join(dir, 'loans.csv'), 'utf8').split('\n');
      // line 3 of loans.csv: a negative balance
      const cells = loans[2].split(',');
      cells[7] = '-5.00';
      loans[2] = cells.join(',');
      writeFileSync(join(dir, 'loans.csv'), loans.join('\n'));
      const out = join(tempDir(), 'x.csv');
      const r = evaluate(['--data', dir, '--period', '2025Q4', '--out', out]);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^loans\.csv:3:balance: .+$/m);
      expect(r.stderr).toMatch(/invalid data/);
      expect(existsSync(out)).toBe(false);
    });
  });
});
