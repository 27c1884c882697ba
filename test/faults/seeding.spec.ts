import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../api/src/core/database/data-source';
import { DemoSeeder } from '../../api/src/demo/demo-seeder';
import { DemoDatasetSeeder } from '../../api/src/import/demo-dataset.seeder';
import { ImportService } from '../../api/src/import/import.service';
import { FIXTURE_DIR } from '../integration/results-compare';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { note } from './support';

/**
 * Two replicas booting on an empty database with SEED_DEMO=true: seeding takes a lease, the
 * second replica waits for the first and then finds everything seeded. The demo province is
 * replaced by the small fixture (same import path, seconds instead of a minute), the users,
 * runs and certification steps are the real ones.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('two replicas seeding an empty database on %s', (_name, db) => {
  const apps: INestApplication[] = [];
  const extra: DataSource[] = [];

  afterEach(async () => {
    jest.restoreAllMocks();
    for (const app of apps.splice(0)) await app.close();
    for (const ds of extra.splice(0)) await ds.destroy().catch(() => undefined);
  });

  it('should seed once: the second replica waits, neither fails', async () => {
    const fresh = await db.fresh();
    // SQLite: one connection for both (a second one in this thread would block the event loop
    // on the file lock); MySQL: a pool each, as two replicas have
    const second = db.name === 'mysql' ? await openDataSource(fresh.config) : fresh.dataSource;
    if (second !== fresh.dataSource) extra.push(second);
    for (const [id, ds] of [['seed-a', fresh.dataSource], ['seed-b', second]] as const) {
      const { app } = await startTestApp(fresh.config, ds, { INSTANCE_ID: id, SEED_DEMO: 'true' });
      apps.push(app);
      const dataset = app.get(DemoDatasetSeeder);
      jest.spyOn(dataset, 'seedIfEmpty').mockImplementation(async () => {
        const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM institution');
        if (Number(n) > 0) return false;
        const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'demo');
        if (r.status !== 'succeeded') throw new Error(`fixture import ${r.status}`);
        return true;
      });
    }
    note('injected: two replicas call DemoSeeder.seedIfEmpty() at the same time on an empty database');
    const outcomes = await Promise.allSettled(apps.map((a) => a.get(DemoSeeder).seedIfEmpty()));
    const summary = outcomes.map((o) => (o.status === 'fulfilled' ? `ok (${o.value?.logins.length ?? 0} logins)` : `failed: ${(o.reason as Error).message}`));
    const runs: { period: string; status: string; published: number }[] = await fresh.dataSource.query('SELECT period, status, published FROM scoring_run ORDER BY period, id');
    const [{ batches }] = await fresh.dataSource.query("SELECT COUNT(*) AS batches FROM import_batch WHERE status = 'succeeded'");
    note(`checked: replicas ${summary.join(' / ')}; runs ${runs.map((r) => `${r.period}:${r.status}`).join(', ')}; imports ${batches}`);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(Number(batches)).toBe(1);
    expect(runs.map((r) => r.period)).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(runs.every((r) => r.status === 'succeeded' && Number(r.published) === 1)).toBe(true);
    const [{ lease }] = await fresh.dataSource.query("SELECT COUNT(*) AS lease FROM lease WHERE holder IS NOT NULL");
    expect(Number(lease)).toBe(0);
  });
});
