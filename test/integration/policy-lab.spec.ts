import type { INestApplication } from '@nestjs/common';
import type { RunResponse, SchemeDraftResponse, SchemeListResponse, SchemeResponse, SimulationResponse } from '@sci/shared';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { startTestApp } from '../support/app';
import { signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

type Who = 'regulator' | 'admin' | 'bank_hq';

/**
 * The policy lab (issue 12) over HTTP: drafts, simulation against the scheme in force, the XLSX
 * comparison, publishing as the next version effective from a period.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('policy lab API on %s', (_name, db) => {
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
  });

  afterAll(async () => {
    await app.close();
  });

  let draft: SchemeDraftResponse;

  it('should start a draft from a stored version, for regulators and admins only', async () => {
    const res = await call<SchemeDraftResponse>('POST', '/scheme-drafts', 'regulator', { name: '2026 试算', schemeId: 'sdtf-2025', version: 1 });
    expect(res.status).toBe(201);
    draft = res.body;
    expect(draft).toMatchObject({ name: '2026 试算', base: { schemeId: 'sdtf-2025', version: 1 }, valid: true, problems: [], publishedAs: null });
    expect(draft.params.classes.K2.weight).toBe(10);
    await expect(call('POST', '/scheme-drafts', 'bank_hq', { name: 'x', schemeId: 'sdtf-2025', version: 1 })).resolves.toMatchObject({ status: 403 });
    await expect(call('POST', '/scheme-drafts', 'regulator', { name: 'x', schemeId: 'sdtf-2025', version: 9 })).resolves.toMatchObject({ status: 404 });
  });

  it('should hide drafts from bank users entirely', async () => {
    await expect(call('GET', '/scheme-drafts', 'bank_hq')).resolves.toMatchObject({ status: 403 });
    await expect(call('GET', `/scheme-drafts/${draft.id}`, 'bank_hq')).resolves.toMatchObject({ status: 403 });
    await expect(call('POST', `/scheme-drafts/${draft.id}/simulate`, 'bank_hq', { period: '2025Q4' })).resolves.toMatchObject({ status: 403 });
    const list = await call<{ items: unknown[] }>('GET', '/scheme-drafts', 'admin');
    expect(list.body.items).toHaveLength(1);
  });

  it('should save an invalid draft with its problems, and refuse to simulate or publish it', async () => {
    const params = { ...draft.params, classes: { ...draft.params.classes, K2: { ...draft.params.classes.K2, weight: 15 } } };
    const res = await call<SchemeDraftResponse>('PUT', `/scheme-drafts/${draft.id}`, 'regulator', { params });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.problems).toEqual(['classes.*.weight + qualitative.max_points: must sum to 100, got 105']);
    await expect(call('POST', `/scheme-drafts/${draft.id}/simulate`, 'regulator', { period: '2025Q4' })).resolves.toMatchObject({ status: 400, body: { code: 'SCHEME_INVALID' } });
    await expect(call('POST', `/scheme-drafts/${draft.id}/publish`, 'regulator', { reason: 'try', effectiveFrom: '2026Q1' })).resolves.toMatchObject({ status: 400 });
  });

  it('should simulate 2025Q4 against the scheme in force without storing a run', async () => {
    // stricter grade lines and a stricter C8: grades fall and outcomes change
    const p = draft.params;
    const params = {
      ...p,
      grades: p.grades.map((g) => ({ ...g, min: g.min === null ? null : g.min + 5 })),
      certification: { ...p.certification, C8: { composite_min: 60 } },
    };
    const saved = await call<SchemeDraftResponse>('PUT', `/scheme-drafts/${draft.id}`, 'regulator', { params, name: '更严等级线' });
    expect(saved.body.valid).toBe(true);
    const runsBefore = await call<{ items: unknown[] }>('GET', '/runs', 'regulator');

    const res = await call<SimulationResponse>('POST', `/scheme-drafts/${draft.id}/simulate`, 'regulator', { period: '2025Q4' });
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ period: '2025Q4', inForce: { schemeId: 'sdtf-2025', version: 1 }, certificationYear: 2025, unitCount: 346 });
    // every graded unit that moved moved down (lines went up), and the distribution shows it
    expect(s.gradeChanges.length).toBeGreaterThan(0);
    const order = ['excellent', 'good', 'pass', 'improve'];
    for (const g of s.gradeChanges) {
      expect(order.indexOf(g.after as string)).toBeGreaterThan(order.indexOf(g.before as string));
      expect(g.compositeAfter).toBe(g.compositeBefore);
    }
    const total = (side: 'before' | 'after'): number => s.grades.reduce((a, g) => a + g[side], 0);
    expect(total('before')).toBe(346);
    expect(total('after')).toBe(346);
    expect(s.rankMoves).toEqual([]); // grade lines do not move composites
    // C8 from 75 down to 60: some outcomes change
    expect(s.outcomeChanges.length).toBeGreaterThan(0);
    expect(s.sensitivity.map((x) => x.path).sort()).toEqual(['certification.C8.composite_min', 'grades.excellent.min', 'grades.good.min', 'grades.pass.min']);
    const c8 = s.sensitivity.find((x) => x.path === 'certification.C8.composite_min')!;
    expect(c8).toMatchObject({ gradeChanges: 0, label: { zh: 'C8 综合得分下限', en: 'C8 minimum composite' }, from: { en: '75' }, to: { en: '60' } });
    expect(c8.outcomeChanges).toBeGreaterThan(0);
    expect(s.sensitivity.filter((x) => x.path.startsWith('grades.')).reduce((a, x) => a + x.gradeChanges, 0)).toBe(s.gradeChanges.length);
    expect(s.byBank.reduce((a, g) => a + g.gradeDown, 0)).toBe(s.gradeChanges.filter((g) => g.before !== null).length);
    expect(s.byBank.reduce((a, g) => a + g.gradeUp, 0)).toBe(0);

    const runsAfter = await call<{ items: unknown[] }>('GET', '/runs', 'regulator');
    expect(runsAfter.body.items.length).toBe(runsBefore.body.items.length);
  });

  it('should give the comparison as an XLSX workbook, one sheet per view', async () => {
    const res = await fetch(`${baseUrl}/scheme-drafts/${draft.id}/simulation.xlsx?period=2025Q4`, { headers: { authorization: `Bearer ${tokens.regulator}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['grades', 'grade_changes', 'rank_moves', 'certification', 'by_bank', 'by_city', 'sensitivity']);
    const sim = (await call<SimulationResponse>('POST', `/scheme-drafts/${draft.id}/simulate`, 'regulator', { period: '2025Q4' })).body;
    expect(wb.getWorksheet('grade_changes')!.rowCount).toBe(sim.gradeChanges.length + 1);
    expect(wb.getWorksheet('certification')!.rowCount).toBe(sim.outcomeChanges.length + 1);
  });

  it('should publish the draft as the next version effective from a period: runs from then use it, earlier ones keep theirs', async () => {
    const res = await call<SchemeResponse>('POST', `/scheme-drafts/${draft.id}/publish`, 'regulator', { reason: '提高等级线', effectiveFrom: '2025Q4' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ schemeId: 'sdtf-2025', version: 2, effectiveFrom: '2025Q4', reason: '提高等级线' });
    expect(res.body.params.grades[0].min).toBe(95);
    const list = await call<SchemeListResponse>('GET', '/schemes', 'regulator');
    expect(list.body.items.map((v) => v.version)).toEqual([2, 1]);

    const q4 = await call<{ runId: number }>('POST', '/runs', 'regulator', { period: '2025Q4' });
    const q3 = await call<{ runId: number }>('POST', '/runs', 'regulator', { period: '2025Q3' });
    await expect(waitForRun(q4.body.runId)).resolves.toMatchObject({ status: 'succeeded', schemeId: 'sdtf-2025', schemeVersion: 2 });
    await expect(waitForRun(q3.body.runId)).resolves.toMatchObject({ status: 'succeeded', schemeId: 'sdtf-2025', schemeVersion: 1 });

    const audit = await dataSource.query(`SELECT action, target, detail FROM audit_log WHERE action = 'scheme.version_adopted'`);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toEqual({ effectiveFrom: '2025Q4', reason: '提高等级线' });
    await expect(call('POST', `/scheme-drafts/${draft.id}/publish`, 'regulator', { reason: 'again', effectiveFrom: '2026Q1' })).resolves.toMatchObject({ status: 409 });
  });
});
