import { DIGEST_TABLE_NAMES, DIGEST_TABLES } from '@sci/shared';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { InputDigestRepository } from '../../api/src/dataset/input-digest.repository';
import { tempDir, testDatabases } from '../support/databases';
import {
  copyFixture,
  FIXTURES,
  readLines,
  writeLines,
} from '../support/fixtures';
import { importServiceFor } from '../support/import';

const SD_SMALL = join(FIXTURES, 'sd-small');

describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'InputDigestRepository on %s',
  (_name, db) => {
    let ds: DataSource;
    let digests: InputDigestRepository;

    beforeAll(async () => {
      ds = (await db.fresh()).dataSource;
      digests = new InputDigestRepository(ds);
      const result = await importServiceFor(ds).importDirectory(
        SD_SMALL,
        'test',
      );
      expect(result.errors).toEqual([]);
    });

    afterAll(async () => {
      await ds?.destroy();
    });

    it('should record at import exactly the digest recompute reads back from the database, for every table and period', async () => {
      const periods: string[] = (
        await ds.query('SELECT DISTINCT period FROM loan ORDER BY period')
      ).map((r: { period: string }) => r.period);
      const recorded = await digests.forPeriods(periods);
      const expected = DIGEST_TABLE_NAMES.flatMap((t) =>
        DIGEST_TABLES[t].perPeriod ? periods.map((p) => [t, p]) : [[t, '']],
      );
      expect(recorded.map((d) => [d.table, d.period]).sort()).toEqual(
        expected.sort(),
      );
      for (const d of recorded) {
        const again = await digests.recompute(d.table, d.period);
        expect({ table: d.table, period: d.period, ...again }).toEqual({
          table: d.table,
          period: d.period,
          rowCount: d.rowCount,
          sumBalanceFen: d.sumBalanceFen,
          sumAmountFen: d.sumAmountFen,
          contentHash: d.contentHash,
        });
        expect(d.batchId).toEqual(expect.any(Number));
      }
      const [q] = await ds.query(
        "SELECT COUNT(*) AS n, SUM(balance_fen) AS b FROM loan WHERE period = '2025Q4'",
      );
      const q4 = recorded.find(
        (d) => d.table === 'loan' && d.period === '2025Q4',
      )!;
      expect([q4.rowCount, q4.sumBalanceFen]).toEqual([
        Number(q.n),
        Number(q.b),
      ]);
    });

    it('should see a row changed behind the import: recompute differs from the record', async () => {
      const [before] = await digests
        .forPeriods(['2025Q4'])
        .then((all) => all.filter((d) => d.table === 'loan'));
      await ds.query(
        "UPDATE loan SET rate_e4 = rate_e4 + 1 WHERE period = '2025Q4' AND id = (SELECT MIN(id) FROM (SELECT id FROM loan WHERE period = '2025Q4') x)",
      );
      const now = await digests.recompute('loan', '2025Q4');
      expect(now.rowCount).toBe(before.rowCount);
      expect(now.sumBalanceFen).toBe(before.sumBalanceFen);
      expect(now.contentHash).not.toBe(before.contentHash);
    });

    it('should record the whole table after an upsert of a few rows (small tables are re-read)', async () => {
      const dir = copyFixture('sd-small');
      const rows = readLines(dir, 'enterprises.csv');
      const only = tempDir();
      writeLines(only, 'enterprises.csv', [
        rows[0],
        rows[1].replace(/,[^,]*$/, (m) => (m === ',Y' ? ',N' : ',Y')),
      ]);
      const result = await importServiceFor(ds).importDirectory(only, 'test');
      expect(result.errors).toEqual([]);
      const [e] = (await digests.forPeriods([])).filter(
        (d) => d.table === 'enterprise',
      );
      expect(e.rowCount).toBe(2250);
      expect(e.batchId).toBe(result.batchId);
      expect(await digests.recompute('enterprise')).toMatchObject({
        rowCount: 2250,
        contentHash: e.contentHash,
      });
    });
  },
);
