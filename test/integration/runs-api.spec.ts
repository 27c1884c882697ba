import type { INestApplication } from '@nestjs/common';
import { SCHEME_SDTF_2025, type PeriodListResponse, type RunDiffResponse, type RunListResponse, type RunResponse, type SchemeListResponse } from '@sci/shared';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { startTestApp } from '../support/app';
import { signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

type Who = 'regulator' | 'admin' | 'bank_hq' | 'branch';

/** The default scheme's parameters without its id and version, as an admin would post them. */
function schemeParams(): Omit<typeof SCHEME_SDTF_2025, 'id' | 'version'> {
  return Object.fromEntries(Object.entries(SCHEME_SDTF_2025).filter(([k]) => k !== 'id' && k !== 'version')) as Omit<typeof SCHEME_SDTF_2025, 'id' | 'version'>;
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('runs and schemes API on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  const tokens = {} as Record<Who, string>;

  async function call<T = Record<string, unknown>>(method: string, path: string, who: Who, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function waitForRun(id: number): Promise<RunResponse> {
    for (let i = 0; i < 300; i++) {
      const r = await call<RunResponse>('GET', `/runs/${id}`, 'regulator');
      if (r.body.status !== 'running') return r.body;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`run ${id} did not finish`);
  }

  beforeAll(async () => {
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
    tokens.regulator = (await signInAs(baseUrl, dataSource, { role: 'regulator' })).token;
    tokens.admin = (await signInAs(baseUrl, dataSource, { role: 'admin' })).token;
    tokens.bank_hq = (await signInAs(baseUrl, dataSource, { role: 'bank_hq', bankCode: 'ICBC' })).token;
    tokens.branch = (await signInAs(baseUrl, dataSource, { role: 'branch', unitCode: 'ICBC-370100-01' })).token;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /api/runs', () => {
    it('should be for regulators and admins only', async () => {
      await expect(call('POST', '/runs', 'bank_hq', { period: '2025Q4' })).resolves.toMatchObject({ status: 403 });
      await expect(call('POST', '/runs', 'branch', { period: '2025Q4' })).resolves.toMatchObject({ status: 403 });
    });

    it('should reject a malformed period, an unknown scheme and a period without data', async () => {
      await expect(call('POST', '/runs', 'regulator', { period: '2025-12' })).resolves.toMatchObject({ status: 400 });
      await expect(call('POST', '/runs', 'regulator', { period: '2025Q4', extra: 1 })).resolves.toMatchObject({ status: 400 });
      await expect(call('POST', '/runs', 'regulator', { period: '2025Q4', schemeId: 'nope' })).resolves.toMatchObject({
        status: 404,
        body: { code: 'SCHEME_NOT_FOUND' },
      });
      await expect(call('POST', '/runs', 'regulator', { period: '2023Q4' })).resolves.toMatchObject({ status: 404, body: { code: 'PERIOD_NO_DATA' } });
    });

    it('should answer 202 at once and report progress until the run succeeded', async () => {
      const res = await call<{ runId: number; status: string }>('POST', '/runs', 'regulator', { period: '2025Q4' });
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('running');
      const run = await waitForRun(res.body.runId);
      expect(run).toMatchObject({
        period: '2025Q4',
        status: 'succeeded',
        stage: 'done',
        progress: 100,
        schemeId: 'sdtf-2025',
        schemeVersion: 1,
        trigger: 'user',
        unitCount: 346,
        scoredCount: 346,
        published: false,
      });
      expect(run.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('drafts and publishing', () => {
    let runId: number;

    beforeAll(async () => {
      runId = (await waitForRun((await call<{ runId: number }>('POST', '/runs', 'admin', { period: '2025Q3' })).body.runId)).id;
    });

    it('should hide a draft from bank users', async () => {
      await expect(call('GET', `/runs/${runId}`, 'bank_hq')).resolves.toMatchObject({ status: 404, body: { code: 'RUN_NOT_FOUND' } });
      const list = await call<RunListResponse>('GET', '/runs?period=2025Q3', 'bank_hq');
      expect(list.body.items).toEqual([]);
      await expect(call('GET', '/results?period=2025Q3', 'regulator')).resolves.toMatchObject({ status: 404, body: { code: 'NO_PUBLISHED_RUN' } });
    });

    it('should let only a regulator publish, and then show the run to everyone', async () => {
      await expect(call('POST', `/runs/${runId}/publish`, 'admin')).resolves.toMatchObject({ status: 403 });
      const pub = await call<RunResponse>('POST', `/runs/${runId}/publish`, 'regulator');
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ id: runId, published: true, publishedBy: expect.any(String) });
      await expect(call('GET', `/runs/${runId}`, 'branch')).resolves.toMatchObject({ status: 200, body: { id: runId, published: true } });
      const periods = await call<PeriodListResponse>('GET', '/periods', 'bank_hq');
      expect(periods.body.items.map((p) => p.period)).toEqual(['2025Q4', '2025Q3', '2025Q2', '2025Q1', '2024Q4']);
      expect(periods.body.items[1]).toMatchObject({ date: '2025-09-30', latestPublishedRun: { id: runId }, latestRun: null });
      const forRegulator = await call<PeriodListResponse>('GET', '/periods', 'regulator');
      expect(forRegulator.body.items[0].latestRun).toMatchObject({ period: '2025Q4', published: false });
    });

    it('should refuse to publish a run that did not succeed', async () => {
      await dataSource.query(
        "INSERT INTO scoring_run (period, scheme_id, scheme_version, status, error, trigger_kind, started_at, stage, progress, published, unit_count, scored_count) VALUES ('2025Q2', 'sdtf-2025', 1, 'failed', 'x', 'user', '2025-01-01 00:00:00', 'loading', 5, 0, 0, 0)",
      );
      const [{ id }] = await dataSource.query("SELECT MAX(id) AS id FROM scoring_run WHERE status = 'failed'");
      await expect(call('POST', `/runs/${id}/publish`, 'regulator')).resolves.toMatchObject({ status: 409, body: { code: 'RUN_NOT_SUCCEEDED' } });
    });

    it('should record triggers and publications in the audit log', async () => {
      const log = await call<{ items: { action: string; target: string }[] }>('GET', '/audit?action=run.published', 'regulator');
      expect(log.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'run.published', target: `run:${runId}` })]));
      const trig = await call<{ items: { action: string }[] }>('GET', '/audit?action=run.triggered', 'regulator');
      expect(trig.body.items.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('schemes', () => {
    it('should list the seeded default scheme and serve its parameters', async () => {
      const list = await call<SchemeListResponse>('GET', '/schemes', 'branch');
      expect(list.body.items).toEqual([expect.objectContaining({ schemeId: 'sdtf-2025', version: 1, isDefault: true })]);
      const one = await call<{ params: typeof SCHEME_SDTF_2025 }>('GET', '/schemes/sdtf-2025/1', 'bank_hq');
      expect(one.body.params).toEqual(SCHEME_SDTF_2025);
      await expect(call('GET', '/schemes/sdtf-2025/9', 'bank_hq')).resolves.toMatchObject({ status: 404, body: { code: 'SCHEME_NOT_FOUND' } });
    });

    it('should let only an admin create a version, and reject invalid parameters with every problem', async () => {
      const params = schemeParams();
      await expect(call('POST', '/schemes', 'regulator', { schemeId: 'sdtf-2025', params })).resolves.toMatchObject({ status: 403 });
      const bad = { ...params, classes: { ...params.classes, K1: { ...params.classes.K1, weight: 15 } } };
      const res = await call<{ code: string; message: string }>('POST', '/schemes', 'admin', { schemeId: 'sdtf-2025', params: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('SCHEME_INVALID');
      expect(res.body.message).toMatch(/weight/);
    });

    it('should store a valid version as max + 1, make it the default, and runs with it differ only where it changed', async () => {
      const params = schemeParams();
      const changed = { ...params, classes: { ...params.classes, K1: { ...params.classes.K1, weight: 12 }, K2: { ...params.classes.K2, weight: 8 } } };
      const res = await call<{ version: number; isDefault: boolean }>('POST', '/schemes', 'admin', { schemeId: 'sdtf-2025', params: changed });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 2, isDefault: true });
      const log = await call<{ items: { target: string }[] }>('GET', '/audit?action=scheme.version_created', 'admin');
      expect(log.body.items.map((e) => e.target)).toEqual(['scheme:sdtf-2025:2']);

      const v1 = await waitForRun((await call<{ runId: number }>('POST', '/runs', 'regulator', { period: '2025Q4', schemeId: 'sdtf-2025', schemeVersion: 1 })).body.runId);
      const v2 = await waitForRun((await call<{ runId: number }>('POST', '/runs', 'regulator', { period: '2025Q4' })).body.runId);
      expect([v1.schemeVersion, v2.schemeVersion]).toEqual([1, 2]);
      expect(v2.fingerprint).toBe(v1.fingerprint);
      const diff = await call<RunDiffResponse>('GET', `/runs/${v1.id}/diff/${v2.id}`, 'regulator');
      expect(diff.status).toBe(200);
      expect(diff.body.units.length).toBeGreaterThan(0);
      expect(diff.body.units.length + diff.body.unchangedCount).toBe(346);
      for (const u of diff.body.units) {
        expect(['K1', 'K2']).toContain(u.topClass?.code);
        expect(u.rankLevel.delta).toBe((u.rankLevel.b as number) - (u.rankLevel.a as number));
      }
      await expect(call('GET', `/runs/${v1.id}/diff/${v2.id}`, 'bank_hq')).resolves.toMatchObject({ status: 404 });
    });
  });
});
