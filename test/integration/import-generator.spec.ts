import { formatImportError } from '@sci/shared';
import { join } from 'path';
import { generateProvince } from '../../api/src/generator/generator';
import { tempDir, testDatabases } from '../support/databases';
import { importServiceFor } from '../support/import';

describe.each(testDatabases().map((d) => [d.name, d] as const))('generated province on %s', (_name, db) => {
  describe('importDirectory', () => {
    it.each([0.1, 1])('should import the generator output at scale %s with zero errors', async (scale) => {
      const dir = join(tempDir(), 'province');
      const summary = generateProvince(dir, { seed: 2025, scale, first: '2024Q4', last: '2025Q4' });
      const { dataSource } = await db.fresh();
      try {
        const r = await importServiceFor(dataSource).importDirectory(dir, 'test');
        expect(r.errors.slice(0, 5).map(formatImportError)).toEqual([]);
        expect(r.status).toBe('succeeded');
        expect(r.counts.loans).toBe(summary.files['loans.csv']);
        const perPeriod: { period: string; n: string | number }[] = await dataSource.query('SELECT period, COUNT(*) AS n FROM loan GROUP BY period ORDER BY period');
        expect(Object.fromEntries(perPeriod.map((p) => [p.period, Number(p.n)]))).toEqual(summary.loansPerPeriod);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
