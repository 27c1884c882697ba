import type { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { resolve } from 'path';
import type { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { ImportService } from '../../api/src/import/import.service';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

/**
 * Runs across real processes on the built bundle: API replicas with the schedule firing on one
 * database, and a run killed with SIGKILL in the middle of writing its results.
 */
const DIST = resolve(__dirname, '../../dist/api');
const PERIODS = ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];

function bundle(name: 'main.js' | 'cli.js'): string {
  const p = resolve(DIST, name);
  if (!existsSync(p)) throw new Error(`${p} is missing: build the API first (npx nx build api)`);
  return p;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function exited(p: ChildProcess): Promise<number | null> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', (code) => r(code)));
}

function env(config: DatabaseConfig, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, TZ: 'UTC', DATABASE_URL: config.url, SEED_DEMO: 'false', WEB_DIST: '', ...extra };
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('runs across processes on %s', (_name, db) => {
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

  it('should leave no results when a run is killed with SIGKILL while writing, and the next tick completes it', async () => {
    const child = spawn(process.execPath, [bundle('cli.js'), 'run', '--period', '2025Q4', '--lease-ttl', '2', '--hold-before-commit', '60000'], {
      env: env(config, {}),
      stdio: 'ignore',
    });
    try {
      const run = await until('the run to reach its results transaction', async () => {
        const rows: { id: number; stage: string }[] = await ds.query("SELECT id, stage FROM scoring_run WHERE period = '2025Q4'");
        return rows[0]?.stage === 'writing' ? rows[0] : null;
      });
      // the results are inserted right after the stage changes; then the child holds the transaction open
      await sleep(1500);
      child.kill('SIGKILL');
      await exited(child);
      const [dead] = await ds.query('SELECT status FROM scoring_run WHERE id = ?', [run.id]);
      expect(dead.status).toBe('running');
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM run_result WHERE run_id = ?', [run.id]);
      expect(Number(n)).toBe(0);

      await sleep(2500); // the killed holder's lease (2 s) expires
      const tick = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--tick'], { env: env(config, {}), encoding: 'utf8', timeout: 120_000 });
      expect(tick.stderr).toBe('');
      expect(tick.stdout).toMatch(new RegExp(`reaped ${run.id}\\b`));
      const [failed] = await ds.query('SELECT status, error FROM scoring_run WHERE id = ?', [run.id]);
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
      const [again] = await ds.query("SELECT id, status FROM scoring_run WHERE period = '2025Q4' AND id > ? ORDER BY id", [run.id]);
      expect(again.status).toBe('succeeded');
      const [{ m }] = await ds.query('SELECT COUNT(*) AS m FROM run_result WHERE run_id = ?', [again.id]);
      expect(Number(m)).toBe(346);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('should run every period exactly once with two API processes and the schedule firing', async () => {
    const procs = ['proc-a', 'proc-b'].map((id) =>
      spawn(process.execPath, [bundle('main.js')], {
        env: env(config, { PORT: '0', HOST: '127.0.0.1', RUN_CRON: '*/2 * * * * *', INSTANCE_ID: id }),
        stdio: 'ignore',
      }),
    );
    try {
      await until('every period to be scored', async () => {
        const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM scoring_run WHERE status = 'succeeded'");
        return Number(n) >= PERIODS.length;
      });
      await sleep(5000); // a few more ticks of both processes
      const rows: { period: string; status: string }[] = await ds.query('SELECT period, status FROM scoring_run ORDER BY period');
      expect(rows).toEqual(PERIODS.map((period) => ({ period, status: 'succeeded' })));
      expect(procs.every((p) => p.exitCode === null)).toBe(true);
    } finally {
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map(exited));
    }
  });
});
