import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'child_process';
import type { DataSource, QueryRunner } from 'typeorm';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { ImportService } from '../../api/src/import/import.service';
import { FIXTURE_DIR } from '../integration/results-compare';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { bundle, Child, exited, note, serverEnv, sleep, start, until } from './support';

/**
 * SIGTERM while the server's scheduled run is under way (MariaDB: the run is held in place by a
 * table lock the test takes on the aggregate cache, which the run reads right after it starts;
 * on SQLite a lock from another process would stall the server's event loop itself, so SQLite
 * has no such case). The run either finishes within SHUTDOWN_GRACE_SEC or is failed as
 * "shut down" with its lease released; the process then exits with the database closed.
 */
const mysql = testDatabases().find((d) => d.name === 'mysql');
const describeMysql = mysql ? describe : describe.skip;

describeMysql('SIGTERM during a scheduled run on mysql', () => {
  let app: INestApplication;
  let ds: DataSource;
  let config: DatabaseConfig;
  let locker: QueryRunner;
  let server: Child | null = null;

  beforeEach(async () => {
    const fresh = await mysql!.fresh();
    config = fresh.config;
    ds = fresh.dataSource;
    app = (await startTestApp(config, ds)).app;
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
    locker = ds.createQueryRunner();
    await locker.connect();
    await locker.query('LOCK TABLES period_aggregate_set WRITE, period_aggregate WRITE');
  });

  afterEach(async () => {
    server?.kill('SIGKILL');
    await locker.query('UNLOCK TABLES').catch(() => undefined);
    await locker.release();
    await app.close();
  });

  async function runningRun(): Promise<{ id: number; period: string }> {
    return until('the scheduled run to start', async () => {
      const [r] = await ds.query("SELECT id, period FROM scoring_run WHERE status = 'running' AND trigger_kind = 'schedule'");
      return r ? { id: Number(r.id), period: r.period as string } : null;
    });
  }

  async function state(id: number, period: string): Promise<{ status: string; error: string | null; holder: string | null }> {
    const [run] = await ds.query('SELECT status, error FROM scoring_run WHERE id = ?', [id]);
    const [lease] = await ds.query('SELECT holder FROM lease WHERE name = ?', [`run:${period}`]);
    return { status: run.status, error: run.error, holder: lease?.holder ?? null };
  }

  it('should fail a run that outlives the grace period as shut down, release its lease, then exit', async () => {
    server = start([bundle('main.js')], { env: serverEnv(config, { PORT: '0', HOST: '127.0.0.1', RUN_CRON: '* * * * * *', SHUTDOWN_GRACE_SEC: '2', INSTANCE_ID: 'term-a' }) });
    await server.port();
    const run = await runningRun();
    const t0 = Date.now();
    server.kill('SIGTERM');
    note(`injected: SIGTERM while scheduled run ${run.id} (${run.period}) is running, SHUTDOWN_GRACE_SEC=2`);
    const code = await Promise.race([exited(server.proc), sleep(20_000).then(() => 'still running')]);
    const took = Date.now() - t0;
    await locker.query('UNLOCK TABLES');
    const after = await state(run.id, run.period);
    note(`checked: exit ${code} after ${took} ms; run ${after.status} (${after.error}); lease holder ${after.holder}`);
    expect(code).not.toBe('still running');
    expect(took).toBeLessThan(12_000);
    expect(after).toMatchObject({ status: 'failed', error: expect.stringMatching(/^shut down/), holder: null });
    expect(server.output()).not.toMatch(/Connection is not established/);

    // the lease is free at once: another replica redoes the period without waiting for its expiry
    const again = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--period', run.period], { env: serverEnv(config), encoding: 'utf8', timeout: 60_000 });
    note(`then: ${again.stdout.trim() || again.stderr.trim()}`);
    expect(again.status).toBe(0);
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM scoring_run WHERE period = ? AND status = 'succeeded'", [run.period]);
    expect(Number(n)).toBe(1);
  });

  it('should let a run that ends within the grace period finish and release its lease', async () => {
    server = start([bundle('main.js')], { env: serverEnv(config, { PORT: '0', HOST: '127.0.0.1', RUN_CRON: '* * * * * *', SHUTDOWN_GRACE_SEC: '20', INSTANCE_ID: 'term-b' }) });
    const port = await server.port();
    const run = await runningRun();
    server.kill('SIGTERM');
    note(`injected: SIGTERM while scheduled run ${run.id} (${run.period}) is running, SHUTDOWN_GRACE_SEC=20; the run is let go 1 s later`);
    await sleep(300);
    // during the grace period: still live, no longer ready (the load balancer stops sending traffic)
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    const live = await fetch(`http://127.0.0.1:${port}/api/health/live`);
    const readyBody = (await ready.json()) as { code?: string };
    note(`checked during the grace period: ready ${ready.status} ${readyBody.code}, live ${live.status}`);
    expect([ready.status, readyBody.code, live.status]).toEqual([503, 'SHUTTING_DOWN', 200]);
    await sleep(700);
    await locker.query('UNLOCK TABLES');
    const code = await Promise.race([exited(server.proc), sleep(30_000).then(() => 'still running')]);
    const after = await state(run.id, run.period);
    const others: { n: number }[] = await ds.query("SELECT COUNT(*) AS n FROM scoring_run WHERE id <> ?", [run.id]);
    note(`checked: exit ${code}; run ${after.status}; lease holder ${after.holder}; runs started after SIGTERM ${others[0].n}`);
    expect(code).not.toBe('still running');
    expect(after).toMatchObject({ status: 'succeeded', holder: null });
    // no new work after SIGTERM: the cron kept firing every second during the grace period
    expect(Number(others[0].n)).toBe(0);
  });
});
