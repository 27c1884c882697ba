import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { insertRows, LOAN_COLUMNS, SqlValue } from '../../../api/src/dataset/dataset-sql';
import { DatasetRepository } from '../../../api/src/dataset/dataset.repository';
import { generateProvince } from '../../../api/src/generator/generator';
import { money, rate } from '../../../api/src/import/validate/fields';
import { tempDir, testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * Import speed: one generated quarter at scale 1 (~25,000 loan rows) imported as loans.csv
 * (read, parsed, validated, stored in one transaction) next to a bare multi-row INSERT of the
 * same rows into the same table in the same run. Each is timed twice into an empty loan table
 * (after a warm-up) and the faster run counts. The ratio import / bare is the figure.
 */
const REFERENCE = ['institutions.csv', 'enterprises.csv', 'qualifications.csv'];
const results: string[] = [];
const mb = (n: number): string => `${(n / 1e3).toFixed(0)}k`;

describe.each(testDatabases().map((d) => [d.name, d] as const))('import benchmark on %s', (name, db) => {
  it('should import a generated quarter within 2x of a bare multi-row INSERT', async () => {
    const dir = join(tempDir('sci-bench-'), 'quarter');
    const summary = generateProvince(dir, { seed: 1, scale: 1, first: '2025Q4', last: '2025Q4' });
    const n = summary.loansPerPeriod['2025Q4'];
    const { dataSource } = await db.fresh();
    try {
      const service = importServiceFor(dataSource);
      const repo = new DatasetRepository(dataSource);
      const ref = await service.importFiles(REFERENCE.map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })));
      expect(ref.status).toBe('succeeded');
      const bytes = readFileSync(join(dir, 'loans.csv'));
      const values = bareRows(bytes.toString('utf8'));
      expect(values.length).toBe(n);

      const importOnce = async (): Promise<number> => {
        await reset(dataSource);
        const t = process.hrtime.bigint();
        const r = await service.importFiles([{ name: 'loans.csv', bytes }]);
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        expect([r.status, r.errorCount, r.counts.loans]).toEqual(['succeeded', 0, n]);
        return ms;
      };
      const bareOnce = async (): Promise<number> => {
        await reset(dataSource);
        const t = process.hrtime.bigint();
        await repo.runStatements(insertRows(repo.dialect, 'loan', LOAN_COLUMNS, values));
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      await importOnce(); // warm-up: JIT, page cache, statement cache
      await bareOnce();
      const imp = Math.min(await importOnce(), await importOnce());
      const bare = Math.min(await bareOnce(), await bareOnce());
      const [{ c }] = await dataSource.query('SELECT COUNT(*) AS c FROM loan');
      expect(Number(c)).toBe(n);
      const line =
        `${name.padEnd(7)} ${String(n).padStart(7)} loan rows | import ${imp.toFixed(0).padStart(6)} ms ${mb((n / imp) * 1000).padStart(5)} rows/s` +
        ` | bare INSERT ${bare.toFixed(0).padStart(6)} ms ${mb((n / bare) * 1000).padStart(5)} rows/s | ratio ${(imp / bare).toFixed(2)}`;
      results.push(line);
      process.stdout.write(`\n${line}\n`);
    } finally {
      await dataSource.destroy();
    }
  });
});

afterAll(() => {
  process.stdout.write(`\nimport benchmark (scale 1, one quarter; best of 2 after a warm-up)\n${results.join('\n')}\n\n`);
});

async function reset(ds: DataSource): Promise<void> {
  await ds.query('DELETE FROM loan');
  // forget earlier batches, so the same bytes are imported again instead of recorded 'unchanged'
  await ds.query('DELETE FROM import_error');
  await ds.query('DELETE FROM import_batch');
}

/** The rows as the import would store them, prepared before timing (the generator writes no quotes). */
function bareRows(csv: string): SqlValue[][] {
  const lines = csv.trim().split('\n');
  const header = lines[0].split(',');
  const at = (name: string): number => header.indexOf(name);
  const idx = ['period', 'loan_no', 'institution_code', 'uscc', 'issue_date', 'maturity_date'].map(at);
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    return [...idx.map((i) => c[i]), money(c[at('amount')]), money(c[at('balance')]), rate(c[at('rate')]), c[at('guarantee')], c[at('risk_class')], c[at('first_loan')] === 'Y' ? 1 : 0];
  });
}
