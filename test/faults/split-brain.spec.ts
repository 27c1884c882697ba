import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'child_process';
import type { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { openDataSource } from '../../api/src/core/database/data-source';
import { ImportService } from '../../api/src/import/import.service';
import { RunComputePool } from '../../api/src/runs/compute/run-compute.pool';
import { RunExecutor } from '../../api/src/runs/run-executor';
import { RunsService } from '../../api/src/runs/runs.service';
import { ScoringDataRepository } from '../../api/src/runs/scoring-data.repository';
import { FIXTURE_DIR } from '../integration/results-compare';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { bundle, exited, note, serverEnv, sleep, start, until } from './support';

/**
 * Lease split brain: a holder paused past its lease's expiry must not commit after another
 * replica took the period over (fencing token), and a scheduler tick must never run a period
 * while another replica's run of it is alive. Manual path across real processes (SIGSTOP /
 * SIGCONT), scheduler path in-process with two replicas and a skewed clock.
 */
interface Replica {
  app: INestApplication;
  ds: DataSource;
  runs: RunsService;
}

async function replica(config: DatabaseConfig, id: string, ds?: DataSource): Promise<Replica> {
  const dataSource = ds ?? (await openDataSource(config));
  const { app } = await startTestApp(config, dataSource, { INSTANCE_ID: id });
  return { app, ds: dataSource, runs: app.get(RunsService) };
}

/** A promise with its resolve, failing after `ms` so a broken expectation cannot hang the suite. */
function gate(what: string, ms = 15_000): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} never happened`)), ms);
    open = () => {
      clearTimeout(t);
      resolve();
    };
  });
  promise.catch(() => undefined);
  return { promise, open };
}

async function runsOf(ds: DataSource, period: string): Promise<{ id: number; status: string; holder: string; error: string | null; n: number }[]> {
  const rows: { id: number; status: string; holder: string; error: string | null }[] = await ds.query('SELECT id, status, holder, error FROM scoring_run WHERE period = ? ORDER BY id', [period]);
  const out = [];
  for (const r of rows) {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM run_result WHERE run_id = ?', [r.id]);
    out.push({ ...r, id: Number(r.id), n: Number(n) });
  }
  return out;
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('lease split brain on %s', (_name, db) => {
  let a: Replica;
  let b: Replica;
  let config: DatabaseConfig;

  beforeEach(async () => {
    const fresh = await db.fresh();
    config = fresh.config;
    a = await replica(config, 'replica-a', fresh.dataSource);
    b = await replica(config, 'replica-b');
    const r = await a.app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await b.app.close();
    await b.ds.destroy().catch(() => undefined);
    await a.app.close();
  });

  it('should not let a holder paused past its lease commit after another replica took the period over (manual path)', async () => {
    const child = start([bundle('cli.js'), 'run', '--period', '2025Q4', '--lease-ttl', '2', '--hold-before-write', '4000'], { env: serverEnv(config, { INSTANCE_ID: 'stale-a' }) });
    try {
      const run = await until('the stale run to reach writing', async () => {
        const [r] = await runsOf(a.ds, '2025Q4');
        const [s] = r ? await a.ds.query('SELECT stage FROM scoring_run WHERE id = ?', [r.id]) : [];
        return s?.stage === 'writing' ? r : null;
      });
      child.kill('SIGSTOP');
      note(`injected: SIGSTOP on run ${run.id}'s process at stage writing; waiting 2.5 s past its 2 s lease`);
      await sleep(2500);
      const other = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--period', '2025Q4'], { env: serverEnv(config, { INSTANCE_ID: 'replica-b' }), encoding: 'utf8', timeout: 60_000 });
      note(`second holder: exit ${other.status}: ${other.stdout.trim() || other.stderr.trim()}`);
      expect(other.status).toBe(0);
      child.kill('SIGCONT');
      const code = await exited(child.proc);
      note(`SIGCONT: the stale process exited ${code}: ${child.output().trim().split('\n').pop()}`);
      const runs = await runsOf(a.ds, '2025Q4');
      note(`checked: runs ${JSON.stringify(runs.map((r) => ({ id: r.id, status: r.status, results: r.n })))}`);
      expect(code).not.toBe(0);
      expect(runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);
      expect(runs[0]).toMatchObject({ id: run.id, n: 0, error: expect.stringMatching(/taken over/) });
      expect(runs[1].n).toBe(346);
    } finally {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
  });

  it('should run a period once when a tick is slow to decide and another replica ticks meanwhile (scheduler path)', async () => {
    // both replicas only look at 2025Q4, to keep the case short
    for (const r of [a, b]) jest.spyOn(r.app.get(ScoringDataRepository), 'periodsWithData').mockResolvedValue(['2025Q4']);
    const realNow = Date.now.bind(Date);
    let skew = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
    const aDeciding = gate('replica A deciding');
    const bRunning = gate('replica B running');
    const aExec = a.app.get(RunExecutor);
    const aFingerprint = aExec.fingerprint.bind(aExec);
    jest.spyOn(aExec, 'fingerprint').mockImplementation(async (...args) => {
      aDeciding.open();
      await bRunning.promise; // A is paused while it decides whether the period is up to date
      return aFingerprint(...args);
    });
    const aTick = a.runs.tick();
    await aDeciding.promise;
    skew = 61_000;
    note('injected: replica A paused while deciding 2025Q4; the clock jumps 61 s (past a 60 s lease)');
    const bPool = b.app.get(RunComputePool);
    const compute = bPool.run.bind(bPool);
    jest.spyOn(bPool, 'run').mockImplementation(async (...args) => {
      // the fingerprint check passes; the run's own computation waits
      if (!args[0].fingerprintOnly) {
        bRunning.open();
        await aTick.catch(() => undefined); // B's run stays alive until A has decided
      }
      return compute(...args);
    });
    const [ra, rb] = await Promise.all([aTick, b.runs.tick()]);
    note(`tick A: ran ${ra.ran.join(',') || '-'} busy ${ra.busy.join(',') || '-'}; tick B: ran ${rb.ran.join(',') || '-'} busy ${rb.busy.join(',') || '-'}`);
    const runs = await runsOf(a.ds, '2025Q4');
    note(`checked: runs ${JSON.stringify(runs.map((r) => ({ id: r.id, status: r.status, holder: r.holder, results: r.n })))}`);
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(1);
    expect(runs.filter((r) => r.n > 0)).toHaveLength(1);
  });

  it('should accept a manual run while another replica checks whether the period is up to date', async () => {
    jest.spyOn(b.app.get(ScoringDataRepository), 'periodsWithData').mockResolvedValue(['2025Q4']);
    const bChecking = gate('replica B checking');
    const release = gate('the manual trigger');
    const bExec = b.app.get(RunExecutor);
    const bFingerprint = bExec.fingerprint.bind(bExec);
    jest.spyOn(bExec, 'fingerprint').mockImplementation(async (...args) => {
      bChecking.open();
      await release.promise;
      return bFingerprint(...args);
    });
    const bTick = b.runs.tick();
    await bChecking.promise;
    note('injected: replica B is inside its up-to-date check of 2025Q4; replica A triggers 2025Q4');
    const outcome = await a.runs.trigger({ period: '2025Q4', trigger: 'user', triggeredBy: 'test' }).then(
      (r) => `accepted run ${r.runId}`,
      (e: { response?: { code?: string } }) => `refused ${e.response?.code}`,
    );
    release.open();
    await bTick;
    const runs = await runsOf(a.ds, '2025Q4');
    note(`checked: trigger ${outcome}; runs in existence ${runs.length}`);
    expect(outcome).toMatch(/^accepted/);
    await until('the manual run to finish', async () => (await runsOf(a.ds, '2025Q4')).every((r) => r.status !== 'running'));
    expect((await runsOf(a.ds, '2025Q4')).filter((r) => r.status === 'succeeded').length).toBeGreaterThanOrEqual(1);
  });
});
