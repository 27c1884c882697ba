import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { systemScope } from '../../api/src/core/auth/scope';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { openDataSource } from '../../api/src/core/database/data-source';
import { ImportService } from '../../api/src/import/import.service';
import { LeaseEntity } from '../../api/src/runs/lease.entity';
import { ResultsExportService } from '../../api/src/results/results-export.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { diffResults, expectedResults, FIXTURE_DIR } from './results-compare';

const PERIODS = ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];

/** A DATETIME literal both drivers accept (better-sqlite3 cannot bind a Date). */
function sqlNow(): string {
  return new Date().toISOString().replace('T', ' ').slice(0, 19);
}

interface Replica {
  app: INestApplication;
  dataSource: DataSource;
  runs: RunsService;
}

/** An API instance with its own connection pool and instance id on a shared database. */
async function replica(config: DatabaseConfig, instanceId: string, dataSource?: DataSource): Promise<Replica> {
  const ds = dataSource ?? (await openDataSource(config));
  const { app } = await startTestApp(config, ds, { INSTANCE_ID: instanceId });
  return { app, dataSource: ds, runs: app.get(RunsService) };
}

async function importFixture(app: INestApplication): Promise<void> {
  const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
  if (r.status !== 'succeeded') throw new Error(`fixture import ${r.status}`);
}

async function runsPerPeriod(ds: DataSource): Promise<Record<string, string[]>> {
  const rows: { period: string; status: string }[] = await ds.query('SELECT period, status FROM scoring_run ORDER BY id');
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.period] ??= []).push(r.status);
  return out;
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('runs on %s', (_name, db) => {
  describe(RunsService.name, () => {
    let a: Replica;

    beforeAll(async () => {
      const fresh = await db.fresh();
      a = await replica(fresh.config, 'replica-a', fresh.dataSource);
      await importFixture(a.app);
    });

    afterAll(async () => {
      await a.app.close();
    });

    describe('runNow', () => {
      it('should repeat itself bit for bit: same fingerprint and every stored value equal', async () => {
        const first = await a.runs.runNow({ period: '2025Q4', trigger: 'user', triggeredBy: 'test' });
        const second = await a.runs.runNow({ period: '2025Q4', trigger: 'user', triggeredBy: 'test' });
        expect([first.status, second.status]).toEqual(['succeeded', 'succeeded']);
        expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
        expect(second.fingerprint).toBe(first.fingerprint);
        const rows = async (id: number): Promise<Record<string, unknown>[]> =>
          (await a.dataSource.query('SELECT * FROM run_result WHERE run_id = ? ORDER BY code', [id])).map((r: Record<string, unknown>) =>
            Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'run_id')),
          );
        const [r1, r2] = [await rows(first.id), await rows(second.id)];
        expect(r1.length).toBe(346);
        expect(r2).toEqual(r1);
        // toEqual treats 0 and -0 as equal; bit for bit means the very same doubles
        const bits = (rs: Record<string, unknown>[]): string => JSON.stringify(rs.map((r) => Object.values(r).map((v) => (Object.is(v, -0) ? '-0' : v))));
        expect(bits(r2)).toBe(bits(r1));
      });

      it.each(['2025Q2', '2025Q4'])('should store results whose export for %s equals the expected one', async (period) => {
        const run = await a.runs.runNow({ period, trigger: 'user', triggeredBy: 'test' });
        const file = await a.app.get(ResultsExportService).export(systemScope(), { runId: run.id, format: 'csv' }, false);
        expect(diffResults(file.body.toString('utf8'), expectedResults(period))).toEqual([]);
      });

      it('should refuse a period without data and a busy period', async () => {
        await expect(a.runs.runNow({ period: '2023Q4', trigger: 'user', triggeredBy: 'test' })).rejects.toMatchObject({
          response: { code: 'PERIOD_NO_DATA' },
        });
        const leases = a.dataSource.getRepository(LeaseEntity);
        await leases.save({ name: 'run:2025Q1', holder: 'someone-else', expiresAt: Date.now() + 60_000, heartbeatAt: Date.now() });
        await expect(a.runs.runNow({ period: '2025Q1', trigger: 'user', triggeredBy: 'test' })).rejects.toMatchObject({
          response: { code: 'RUN_IN_PROGRESS' },
        });
        await leases.save({ name: 'run:2025Q1', holder: null, expiresAt: 0, heartbeatAt: null });
      });
    });
  });

  /**
   * Two replicas in this process on MySQL. On SQLite the second replica would be a second
   * connection in the same thread: better-sqlite3 waits out a lock synchronously, blocking the
   * very event loop the lock holder needs, so SQLite gets one replica here and two real
   * processes in runs-replicas.spec.ts.
   */
  describe('scheduler tick', () => {
    let a: Replica;
    let b: Replica;

    beforeAll(async () => {
      const fresh = await db.fresh();
      a = await replica(fresh.config, 'replica-a', fresh.dataSource);
      b = db.name === 'mysql' ? await replica(fresh.config, 'replica-b') : a;
      await importFixture(a.app);
    });

    afterAll(async () => {
      if (b !== a) await b.app.close();
      await a.app.close();
    });

    it('should run every period exactly once when the replicas tick at the same time', async () => {
      const [ra, rb] = await Promise.all([a.runs.tick(), b.runs.tick()]);
      expect(ra.ran.length + rb.ran.length).toBe(PERIODS.length);
      const perPeriod = await runsPerPeriod(a.dataSource);
      expect(perPeriod).toEqual(Object.fromEntries(PERIODS.map((p) => [p, ['succeeded']])));
    });

    it('should run nothing when no input changed', async () => {
      const [ra, rb] = await Promise.all([a.runs.tick(), b.runs.tick()]);
      expect([...ra.ran, ...rb.ran]).toEqual([]);
      expect([...ra.upToDate, ...rb.upToDate].sort()).toEqual(expect.arrayContaining(PERIODS));
    });

    it('should rerun exactly the periods whose inputs include a changed row', async () => {
      await a.dataSource.query("UPDATE loan SET balance_fen = balance_fen + 1 WHERE id = (SELECT id FROM (SELECT MIN(id) AS id FROM loan WHERE period = '2025Q3') x)");
      const r = await b.runs.tick();
      const runs: { id: number; period: string }[] = await a.dataSource.query('SELECT id, period FROM scoring_run WHERE id IN (' + r.ran.join(',') + ') ORDER BY period');
      // 2025Q3 itself and 2025Q4, whose own-trend quarters include 2025Q3
      expect(runs.map((x) => x.period)).toEqual(['2025Q3', '2025Q4']);
    });

    it('should mark a run whose holder died failed and score its period again', async () => {
      await a.dataSource.query("UPDATE loan SET balance_fen = balance_fen + 1 WHERE id = (SELECT id FROM (SELECT MIN(id) AS id FROM loan WHERE period = '2025Q4') x)");
      await a.dataSource.query(
        "INSERT INTO scoring_run (period, scheme_id, scheme_version, status, trigger_kind, holder, started_at, stage, progress, published, unit_count, scored_count) VALUES ('2025Q4', 'sdtf-2025', 1, 'running', 'schedule', 'dead-replica', ?, 'writing', 80, 0, 0, 0)",
        [sqlNow()],
      );
      const [{ id: deadId }] = await a.dataSource.query("SELECT MAX(id) AS id FROM scoring_run WHERE holder = 'dead-replica'");
      await a.dataSource.getRepository(LeaseEntity).save({ name: 'run:2025Q4', holder: 'dead-replica', expiresAt: Date.now() - 1, heartbeatAt: Date.now() - 60_000 });
      const r = await a.runs.tick();
      expect(r.reaped).toEqual([Number(deadId)]);
      const [dead] = await a.dataSource.query('SELECT status, error FROM scoring_run WHERE id = ?', [deadId]);
      expect(dead.status).toBe('failed');
      expect(dead.error).toMatch(/interrupted/);
      const [again] = await a.dataSource.query("SELECT status, unit_count FROM scoring_run WHERE period = '2025Q4' ORDER BY id DESC LIMIT 1");
      expect(again.status).toBe('succeeded');
      expect(Number(again.unit_count)).toBe(346);
    });

    it('should not touch a running run whose holder is alive', async () => {
      await a.dataSource.getRepository(LeaseEntity).save({ name: 'run:2025Q2', holder: 'busy-replica', expiresAt: Date.now() + 60_000, heartbeatAt: Date.now() });
      await a.dataSource.query(
        "INSERT INTO scoring_run (period, scheme_id, scheme_version, status, trigger_kind, holder, started_at, stage, progress, published, unit_count, scored_count) VALUES ('2025Q2', 'sdtf-2025', 1, 'running', 'user', 'busy-replica', ?, 'scoring', 60, 0, 0, 0)",
        [sqlNow()],
      );
      const r = await b.runs.tick();
      expect(r.reaped).toEqual([]);
      // up to date is decided without the lease (issue 18), so 2025Q2 is either of the two
      expect([...r.busy, ...r.upToDate]).toContain('2025Q2');
      const [alive] = await a.dataSource.query("SELECT status FROM scoring_run WHERE holder = 'busy-replica'");
      expect(alive.status).toBe('running');
      await a.dataSource.query("UPDATE scoring_run SET status = 'failed' WHERE holder = 'busy-replica'");
      await a.dataSource.getRepository(LeaseEntity).save({ name: 'run:2025Q2', holder: null, expiresAt: 0, heartbeatAt: null });
    });
  });
});
