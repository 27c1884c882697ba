import { formatImportError, ImportResult } from '@sci/shared';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { testDatabases } from '../support/databases';
import { copyFixture, dropColumn, findLine, FIXTURES, getField, readLines, setField, snapshotTables, writeLines } from '../support/fixtures';
import { importServiceFor } from '../support/import';

const SD_SMALL = join(FIXTURES, 'sd-small');
const SD_SMALL_COUNTS = {
  institutions: 346,
  enterprises: 2250,
  qualifications: 1551,
  loans: 19904,
  qualitative: 264,
  penalties: 4,
  applications: 110,
  decisions: 18,
};

const lines = (r: ImportResult): string[] => r.errors.map(formatImportError);

describe.each(testDatabases().map((d) => [d.name, d] as const))('ImportService on %s', (_name, db) => {
  let ds: DataSource;
  let service: ImportService;

  beforeAll(async () => {
    ds = (await db.fresh()).dataSource;
    service = importServiceFor(ds);
    const first = await service.importDirectory(SD_SMALL, 'test');
    expect(lines(first)).toEqual([]);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  describe('importDirectory', () => {
    it('should store sd-small whole: every row of every file', async () => {
      const counts: Record<string, number> = {};
      for (const t of ['institution', 'institution_closure', 'enterprise', 'qualification', 'loan', 'qualitative_score', 'penalty', 'certification_application', 'certification_decision']) {
        counts[t] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
      }
      expect(counts).toEqual({
        institution: 346,
        // 22 heads x 1 + 161 cities x 2 + 163 outlets x 3 (each unit with itself and its ancestors)
        institution_closure: 833,
        enterprise: 2250,
        qualification: 1551,
        loan: 19904,
        qualitative_score: 264,
        penalty: 4,
        certification_application: 110,
        certification_decision: 18,
      });
      const [sum] = await ds.query("SELECT SUM(amount_fen) AS a, SUM(balance_fen) AS b FROM loan WHERE period = '2024Q4'");
      expect(Number(sum.a)).toBeGreaterThan(0);
      const [first] = await ds.query("SELECT amount_fen, balance_fen, rate_e4, first_loan FROM loan WHERE period = '2024Q4' AND loan_no = 'L00000001'");
      expect([Number(first.amount_fen), Number(first.balance_fen), Number(first.rate_e4), Number(first.first_loan)]).toEqual([151600000, 128366284, 42698, 0]);
    });

    it('should record the same files again as unchanged and change nothing', async () => {
      const before = await snapshotTables(ds);
      const again = await service.importDirectory(SD_SMALL, 'test');
      await expect(snapshotTables(ds)).resolves.toEqual(before);
      expect(again).toMatchObject({ status: 'unchanged', errorCount: 0, counts: SD_SMALL_COUNTS });
    });

    it('should replace the snapshot of a period present in loans.csv and keep the other periods', async () => {
      const dir = copyFixture();
      const all = readLines(dir, 'loans.csv');
      const q4 = all.filter((l) => l.startsWith('2025Q4,')).slice(0, 100);
      writeLines(dir, 'loans.csv', [all[0], ...q4]);
      const only = join(dir, 'only-loans');
      require('fs').mkdirSync(only);
      require('fs').copyFileSync(join(dir, 'loans.csv'), join(only, 'loans.csv'));
      const before: { period: string; n: number }[] = await ds.query('SELECT period, COUNT(*) AS n FROM loan GROUP BY period ORDER BY period');
      const r = await service.importDirectory(only, 'test');
      expect(lines(r)).toEqual([]);
      const after: { period: string; n: number }[] = await ds.query('SELECT period, COUNT(*) AS n FROM loan GROUP BY period ORDER BY period');
      expect(after.map((x) => [x.period, Number(x.n)])).toEqual(before.map((x) => [x.period, x.period === '2025Q4' ? 100 : Number(x.n)]));
      // and back: the full file restores 2025Q4
      const back = await service.importDirectory(SD_SMALL, 'test');
      expect(back.status).toBe('succeeded');
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM loan WHERE period = '2025Q4'");
      expect(Number(n)).toBe(4737);
    });
  });

  describe('importDirectory with a broken copy', () => {
    /** Imports a broken copy over the stored sd-small: must fail with exactly `expected`, store nothing. */
    async function expectRejected(dir: string, expected: (string | RegExp)[]): Promise<ImportResult> {
      const before = await snapshotTables(ds);
      const r = await service.importDirectory(dir, 'test');
      expect(r.status).toBe('failed');
      expect(r.errorCount).toBe(expected.length);
      expected.forEach((e, i) => (typeof e === 'string' ? expect(lines(r)[i]).toBe(e) : expect(lines(r)[i]).toMatch(e)));
      await expect(snapshotTables(ds)).resolves.toEqual(before);
      return r;
    }

    it('should reject a flipped USCC check character at enterprises.csv:line:uscc', async () => {
      const dir = copyFixture();
      const uscc = getField(dir, 'enterprises.csv', 10, 'uscc');
      const flipped = uscc.slice(0, 17) + (uscc[17] === 'A' ? 'B' : 'A');
      setField(dir, 'enterprises.csv', 10, 'uscc', flipped);
      await expectRejected(dir, [`enterprises.csv:10:uscc: "${flipped}" has a wrong check character "${flipped[17]}" (GB 32100-2015 gives "${uscc[17]}")`]);
    });

    it('should reject a negative amount at loans.csv:line:amount', async () => {
      const dir = copyFixture();
      setField(dir, 'loans.csv', 5, 'amount', '-1500.00');
      await expectRejected(dir, ['loans.csv:5:amount: -1500.00 must be > 0']);
    });

    it('should reject an unknown institution code at loans.csv:line:institution_code', async () => {
      const dir = copyFixture();
      setField(dir, 'loans.csv', 7, 'institution_code', 'NOBANK-370100-01');
      await expectRejected(dir, [/^loans\.csv:7:institution_code: unknown unit NOBANK-370100-01 /]);
    });

    it('should reject an impossible date at loans.csv:line:issue_date', async () => {
      const dir = copyFixture();
      const line = findLine(dir, 'loans.csv', (r) => r['period'] === '2025Q2');
      setField(dir, 'loans.csv', line, 'issue_date', '2025-02-30');
      await expectRejected(dir, [`loans.csv:${line}:issue_date: "2025-02-30" is not a calendar date`]);
    });

    it('should reject a missing column at loans.csv:1:<column>', async () => {
      const dir = copyFixture();
      dropColumn(dir, 'loans.csv', 'rate');
      await expectRejected(dir, ['loans.csv:1:rate: missing column']);
    });

    it('should reject a cycle in the unit tree at institutions.csv:line:parent_code', async () => {
      const dir = copyFixture();
      const city = findLine(dir, 'institutions.csv', (r) => r['code'] === 'ICBC-370100');
      setField(dir, 'institutions.csv', city, 'parent_code', 'ICBC-370100-01');
      const r = await expectRejected(dir, [/.*/, /.*/]);
      expect(lines(r)).toEqual([
        `institutions.csv:${city}:parent_code: a city unit cannot be under the outlet unit ICBC-370100-01 (levels go head > city > outlet)`,
        `institutions.csv:${city}:parent_code: the unit tree has a cycle (each unit followed by its parent): ICBC-370100 -> ICBC-370100-01 -> ICBC-370100`,
      ]);
    });

    it('should reject a duplicate key at the second line with the first line named', async () => {
      const dir = copyFixture();
      const all = readLines(dir, 'loans.csv');
      writeLines(dir, 'loans.csv', [...all, all[2]]);
      const [period, loanNo, unit] = all[2].split(',');
      await expectRejected(dir, [`loans.csv:${all.length + 1}:loan_no: duplicate loan ${loanNo} of ${unit} in ${period} (first at line 3)`]);
    });

    it('should report every error of the batch at once, ordered by file and line', async () => {
      const dir = copyFixture();
      setField(dir, 'loans.csv', 9, 'rate', '36');
      setField(dir, 'loans.csv', 4, 'balance', 'abc');
      setField(dir, 'institutions.csv', 3, 'level', 'branch');
      setField(dir, 'decisions.csv', 2, 'decision', 'reject');
      const r = await expectRejected(dir, [/^institutions\.csv:3:level: "branch" is not one of head, city, outlet$/, /^loans\.csv:4:balance: /, /^loans\.csv:9:rate: 36 is outside/, 'decisions.csv:2:reason: is required for a reject decision']);
      expect(r.errors.map((e) => [e.file, e.line, e.column])).toEqual([
        ['institutions.csv', 3, 'level'],
        ['loans.csv', 4, 'balance'],
        ['loans.csv', 9, 'rate'],
        ['decisions.csv', 2, 'reason'],
      ]);
    });
  });
});
