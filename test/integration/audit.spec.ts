import type { INestApplication } from '@nestjs/common';
import { SCHEME_SDTF_2025, type AuditEntryResponse, type AuditPageResponse } from '@sci/shared';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../../api/src/audit/audit.repository';
import { AuditService } from '../../api/src/audit/audit.service';
import { ImportService } from '../../api/src/import/import.service';
import { startTestApp } from '../support/app';
import { authHeaders, createTestUser, login } from '../support/auth';
import { testDatabases } from '../support/databases';

const FIXTURE = resolve(__dirname, '../fixtures/sd-small');

async function call(url: string, method: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = token ? authHeaders(token) : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('audit log on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let adminToken: string;
  let regulatorToken: string;
  let admin: { username: string; id: number };
  let regulatorName: string;

  async function entries(query: string, token = regulatorToken): Promise<AuditEntryResponse[]> {
    const res = await call(`${baseUrl}/audit?pageSize=500&${query}`, 'GET', token);
    expect(res.status).toBe(200);
    return (res.body as AuditPageResponse).items;
  }

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '1000';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '1000';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
    await app.get(ImportService, { strict: false }).importDirectory(FIXTURE, 'importer');
    const a = await createTestUser(dataSource, { role: 'admin' });
    admin = a;
    adminToken = await login(baseUrl, a.username, a.password);
    const r = await createTestUser(dataSource, { role: 'regulator' });
    regulatorName = r.username;
    regulatorToken = await login(baseUrl, r.username, r.password);
  });

  afterAll(async () => {
    delete process.env['AUTH_LOGIN_LIMIT'];
    delete process.env['AUTH_LOGIN_IP_LIMIT'];
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  });

  describe('record', () => {
    it('should log a successful login with who, when and from where', async () => {
      const u = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      const before = Date.now() - 1000;
      await login(baseUrl, u.username, u.password);
      const [e] = await entries(`actor=${u.username}&action=auth.login`);
      expect(e).toMatchObject({ actor: u.username, role: 'bank_hq', action: 'auth.login', target: `user:${u.id}`, outcome: 'success' });
      expect(e.ip).toMatch(/127\.0\.0\.1/);
      expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(before);
    });

    it('should log failed logins with the reason and never the password', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      await call(`${baseUrl}/auth/login`, 'POST', undefined, { username: u.username, password: 'Wrong-guess-123' });
      await call(`${baseUrl}/auth/login`, 'POST', undefined, { username: 'ghost-user', password: 'Wrong-guess-456' });
      const failed = await entries('action=auth.login_failed&outcome=failure');
      expect(failed.find((e) => e.actor === u.username)).toMatchObject({ detail: { reason: 'wrong_password' }, target: `user:${u.id}` });
      expect(failed.find((e) => e.actor === 'ghost-user')).toMatchObject({ detail: { reason: 'unknown_user' }, target: null });
      expect(JSON.stringify(failed)).not.toMatch(/Wrong-guess/);
    });

    it('should log logouts and password changes', async () => {
      const u = await createTestUser(dataSource, { role: 'branch', unitCode: 'ICBC-370100' });
      const t1 = await login(baseUrl, u.username, u.password);
      await expect(call(`${baseUrl}/auth/password`, 'POST', t1, { currentPassword: u.password, newPassword: 'Changed-pass-77' })).resolves.toMatchObject({ status: 200 });
      const t2 = await login(baseUrl, u.username, 'Changed-pass-77');
      await expect(call(`${baseUrl}/auth/logout`, 'POST', t2)).resolves.toMatchObject({ status: 204 });
      const mine = await entries(`actor=${u.username}`);
      expect(mine.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.login', 'auth.logout', 'auth.password_changed']);
      expect(JSON.stringify(mine)).not.toMatch(/Changed-pass/);
    });

    it('should log every user change by an admin', async () => {
      const created = await call(`${baseUrl}/users`, 'POST', adminToken, { username: 'audited_user', password: 'Audited-pass-1', role: 'bank_hq', bankCode: 'QDB' });
      expect(created.status).toBe(201);
      const id = created.body.id as number;
      await call(`${baseUrl}/users/${id}/disable`, 'POST', adminToken);
      await call(`${baseUrl}/users/${id}/enable`, 'POST', adminToken);
      await call(`${baseUrl}/users/${id}/reset-password`, 'POST', adminToken, { password: 'Audited-pass-2' });
      const changes = (await entries(`actor=${admin.username}&target=user:${id}`)).reverse();
      expect(changes.map((e) => [e.action, e.role, e.outcome])).toEqual([
        ['user.created', 'admin', 'success'],
        ['user.disabled', 'admin', 'success'],
        ['user.enabled', 'admin', 'success'],
        ['user.password_reset', 'admin', 'success'],
      ]);
      expect(changes[0].detail).toEqual({ username: 'audited_user', role: 'bank_hq', bankCode: 'QDB', unitCode: null });
      expect(JSON.stringify(changes)).not.toMatch(/Audited-pass/);
    });

    it('should log imports (wired by the import feature)', async () => {
      const [e] = await entries('action=import.completed&actor=importer');
      expect(e).toMatchObject({ action: 'import.completed', outcome: 'success', target: expect.stringMatching(/^import:\d+$/) });
    });

    it('should log an upload, a run triggered and published, a scheme version and an export with the caller', async () => {
      const fd = new FormData();
      fd.append('files', new Blob([readFileSync(resolve(FIXTURE, 'penalties.csv'))]), 'penalties.csv');
      const upload = await fetch(`${baseUrl}/imports`, { method: 'POST', headers: authHeaders(adminToken), body: fd });
      expect(upload.status).toBe(202);
      const { batchId } = (await upload.json()) as { batchId: number };
      await waitFor(async () => (await call(`${baseUrl}/imports/${batchId}`, 'GET', adminToken)).body.status !== 'running');

      const trigger = await call(`${baseUrl}/runs`, 'POST', regulatorToken, { period: '2025Q4' });
      expect(trigger.status).toBe(202);
      const runId = trigger.body.runId as number;
      await waitFor(async () => (await call(`${baseUrl}/runs/${runId}`, 'GET', regulatorToken)).body.status !== 'running');
      await expect(call(`${baseUrl}/runs/${runId}/publish`, 'POST', regulatorToken)).resolves.toMatchObject({ status: 200 });

      const { id: _id, version: _v, ...params } = SCHEME_SDTF_2025;
      await expect(call(`${baseUrl}/schemes`, 'POST', adminToken, { schemeId: 'sdtf-2025', params })).resolves.toMatchObject({ status: 201 });

      const hq = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      const hqToken = await login(baseUrl, hq.username, hq.password);
      const exp = await fetch(`${baseUrl}/results/export?period=2025Q4`, { headers: authHeaders(hqToken) });
      expect(exp.status).toBe(200);

      const log = await entries('');
      const find = (action: string, actor: string): AuditEntryResponse | undefined => log.find((e) => e.action === action && e.actor === actor);
      expect(find('import.completed', admin.username)).toMatchObject({ role: 'admin', target: `import:${batchId}` });
      expect(find('run.triggered', regulatorName)).toMatchObject({ role: 'regulator', target: `run:${runId}`, detail: expect.objectContaining({ period: '2025Q4' }) });
      expect(find('run.published', regulatorName)).toMatchObject({ role: 'regulator', target: `run:${runId}` });
      expect(find('scheme.version_created', admin.username)).toMatchObject({ role: 'admin', target: 'scheme:sdtf-2025:2' });
      expect(find('export.downloaded', hq.username)).toMatchObject({ role: 'bank_hq', detail: expect.objectContaining({ export: 'results', period: '2025Q4' }) });
    });
  });

  describe('GET /audit', () => {
    it('should be readable by regulators and admins only', async () => {
      const hq = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      const br = await createTestUser(dataSource, { role: 'branch', unitCode: 'ICBC-370100' });
      await expect(call(`${baseUrl}/audit`, 'GET', await login(baseUrl, hq.username, hq.password))).resolves.toMatchObject({ status: 403 });
      await expect(call(`${baseUrl}/audit`, 'GET', await login(baseUrl, br.username, br.password))).resolves.toMatchObject({ status: 403 });
      await expect(call(`${baseUrl}/audit`, 'GET')).resolves.toMatchObject({ status: 401 });
      await expect(call(`${baseUrl}/audit`, 'GET', adminToken)).resolves.toMatchObject({ status: 200 });
    });

    it('should filter by time and page newest first', async () => {
      const all = await call(`${baseUrl}/audit?pageSize=2&page=1`, 'GET', regulatorToken);
      expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(all.body.items).toHaveLength(2);
      expect(all.body.total).toBeGreaterThan(2);
      expect(all.body.items[0].at >= all.body.items[1].at).toBe(true);
      const page2 = await call(`${baseUrl}/audit?pageSize=2&page=2`, 'GET', regulatorToken);
      expect(page2.body.items[0].id).not.toBe(all.body.items[0].id);
      const newest = all.body.items[0] as AuditEntryResponse;
      const day = newest.at.slice(0, 10);
      // a day-only `to` includes that whole day
      await expect(entries(`from=${day}&to=${day}`)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: newest.id })]));
      await expect(entries('to=2000-01-01')).resolves.toEqual([]);
      await expect(entries(`from=2999-01-01T00:00:00Z`)).resolves.toEqual([]);
      await expect(call(`${baseUrl}/audit?from=yesterday`, 'GET', regulatorToken)).resolves.toMatchObject({ status: 400 });
    });
  });

  describe('append-only', () => {
    it('should offer no endpoint that changes the log', async () => {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
        for (const path of ['/audit', '/audit/1']) {
          const res = await call(`${baseUrl}${path}`, method, adminToken, method === 'DELETE' ? undefined : {});
          expect([404, 405]).toContain(res.status);
        }
      }
    });

    it('should have no update or delete method in the service or the repository', async () => {
      const names = [...Object.getOwnPropertyNames(AuditRepository.prototype), ...Object.getOwnPropertyNames(AuditService.prototype)];
      expect(names.filter((n) => /update|delete|remove|clear|truncate|save|edit/i.test(n))).toEqual([]);
    });
  });
});
