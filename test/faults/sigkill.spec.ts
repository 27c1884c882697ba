import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'child_process';
import type { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { ImportService } from '../../api/src/import/import.service';
import { FIXTURE_DIR } from '../integration/results-compare';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { bundle, exited, note, serverEnv, sleep, start, until } from './support';

/**
 * SIGKILL of a run at its stages: after scoring with nothing locked (before the results
 * transaction) and inside the results transaction before COMMIT. Neither leaves a result row;
 * once the 2 s leases expire one tick marks both interrupted and scores every period once.
 * (Killed while loading is the same state as "before writing": nothing written but the stage.)
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('SIGKILL during runs on %s', (_name, db) => {
  let app: INestApplication;
  let ds: DataSource;
  let config: DatabaseConfig;

  beforeEach(async () => {
    const fresh = await db.fresh();
    config = fresh.config;
    ds = fresh.dataSource;
    app = (await startTestApp(config, ds)).app;
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
  });

  afterEach(async () => {
    await app.close();
  });

  async function killAt(period: string, hold: string, settleMs: number): Promise<number> {
    const child = start([bundle('cli.js'), 'run', '--period', period, '--lease-ttl', '2', hold, '60000'], { env: serverEnv(config, { INSTANCE_ID: `doomed-${period}` }) });
    try {
      const id = await until(`the run of ${period} to reach writing`, async () => {
        const [r] = await ds.query('SELECT id, stage FROM scoring_run WHERE period = ?', [period]);
        return r?.stage === 'writing' ? Number(r.id) : null;
      });
      await sleep(settleMs); // in the transaction case: let the INSERTs land before the kill
      child.kill('SIGKILL');
      await exited(child.proc);
      note(`injected: SIGKILL on run ${id} (${period}) ${hold === '--hold-before-write' ? 'after scoring, before its results transaction' : 'inside its results transaction, before COMMIT'}`);
      return id;
    } finally {
      child.kill('SIGKILL');
    }
  }

  it('should leave no partial results and score every period once at the next tick', async () => {
    const before = await killAt('2025Q4', '--hold-before-write', 0);
    const inside = await killAt('2025Q3', '--hold-before-commit', 1500);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM run_result WHERE run_id IN (?, ?)', [before, inside]);
    note(`checked: result rows of the killed runs ${n}`);
    expect(Number(n)).toBe(0);
    await sleep(2500); // both 2 s leases expire
    const tick = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--tick'], { env: serverEnv(config), encoding: 'utf8', timeout: 120_000 });
    note(`then: ${tick.stdout.trim()}`);
    expect(tick.status).toBe(0);
    expect(tick.stdout).toMatch(new RegExp(`reaped (${before}, ${inside}|${inside}, ${before})\\b`));
    const rows: { id: number; period: string; status: string; error: string | null }[] = await ds.query('SELECT id, period, status, error FROM scoring_run ORDER BY id');
    const byPeriod: Record<string, string[]> = {};
    for (const r of rows) (byPeriod[r.period] ??= []).push(r.status);
    note(`checked: runs per period ${JSON.stringify(byPeriod)}`);
    expect(byPeriod).toEqual({ '2024Q4': ['succeeded'], '2025Q1': ['succeeded'], '2025Q2': ['succeeded'], '2025Q3': ['failed', 'succeeded'], '2025Q4': ['failed', 'succeeded'] });
    expect(rows.filter((r) => r.status === 'failed').every((r) => /interrupted/.test(r.error ?? ''))).toBe(true);
  });
});
