import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { authHeaders, createTestUser, insertTestUnits, login, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { AppConfig } from '../../api/src/core/config/app-config';
import { DemoSeeder } from '../../api/src/demo/demo-seeder';

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json() };
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('auth on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '1000';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '1000';
    process.env['AUTH_LOCKOUT_THRESHOLD'] = '3';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    await insertTestUnits(dataSource);
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
  });

  afterAll(async () => {
    delete process.env['AUTH_LOGIN_LIMIT'];
    delete process.env['AUTH_LOGIN_IP_LIMIT'];
    delete process.env['AUTH_LOCKOUT_THRESHOLD'];
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  });

  describe('POST /auth/login', () => {
    it('should return a bearer token and the user for correct credentials', async () => {
      const u = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      const res = await post(`${baseUrl}/auth/login`, { username: u.username, password: u.password });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600, user: { username: u.username, role: 'bank_hq', bankCode: 'ICBC', unitCode: null } });
      expect(typeof res.body.accessToken).toBe('string');
      expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
    });

    it('should refuse a wrong password and an unknown user with the same answer', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      const wrong = await post(`${baseUrl}/auth/login`, { username: u.username, password: 'nope-12345678' });
      const unknown = await post(`${baseUrl}/auth/login`, { username: 'nobody-here', password: 'nope-12345678' });
      expect(wrong).toEqual({ status: 401, body: expect.objectContaining({ code: 'INVALID_CREDENTIALS' }) });
      expect(unknown).toEqual({ status: 401, body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: wrong.body.message } });
    });

    it('should lock the account after the configured number of failures, even for the right password', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      for (let i = 0; i < 2; i++) {
        await expect(post(`${baseUrl}/auth/login`, { username: u.username, password: 'wrong-pass-1' })).resolves.toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
      }
      await expect(post(`${baseUrl}/auth/login`, { username: u.username, password: 'wrong-pass-1' })).resolves.toMatchObject({ status: 401, body: { code: 'ACCOUNT_LOCKED' } });
      await expect(post(`${baseUrl}/auth/login`, { username: u.username, password: u.password })).resolves.toMatchObject({ status: 401, body: { code: 'ACCOUNT_LOCKED' } });
    });

    it('should reject a body with unknown or badly typed fields with 400', async () => {
      await expect(post(`${baseUrl}/auth/login`, { username: 'a', password: 'b', role: 'admin' })).resolves.toMatchObject({ status: 400 });
      await expect(post(`${baseUrl}/auth/login`, { username: 1, password: ['x'] })).resolves.toMatchObject({ status: 400 });
    });
  });

  describe('GET /auth/me', () => {
    it('should answer 401 without a token, with a garbage token and with a token signed by another key', async () => {
      await expect(get(`${baseUrl}/auth/me`)).resolves.toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      await expect(get(`${baseUrl}/auth/me`, authHeaders('garbage'))).resolves.toMatchObject({ status: 401, body: { code: 'INVALID_TOKEN' } });
      const forged =
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjEsInZlciI6MH0.1QwS4pM2m1V3oJq4o5m4Cq0l3T1Vd5n9dGxRk0ZyGxo';
      await expect(get(`${baseUrl}/auth/me`, authHeaders(forged))).resolves.toMatchObject({ status: 401 });
    });

    it('should describe the branch caller with its unit and bank', async () => {
      const s = await signInAs(baseUrl, dataSource, { role: 'branch', unitCode: 'ICBC-370100' });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(s.token))).resolves.toEqual({
        status: 200,
        body: { id: s.id, username: s.username, displayName: s.username, role: 'branch', bankCode: 'ICBC', unitCode: 'ICBC-370100' },
      });
    });
  });

  describe('POST /auth/logout', () => {
    it('should end the session so the same token is refused afterwards', async () => {
      const s = await signInAs(baseUrl, dataSource, { role: 'regulator' });
      await expect(post(`${baseUrl}/auth/logout`, {}, authHeaders(s.token))).resolves.toMatchObject({ status: 204 });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(s.token))).resolves.toMatchObject({ status: 401, body: { code: 'SESSION_ENDED' } });
    });
  });

  describe('POST /auth/password', () => {
    it('should change the password, return a working token and refuse the old password', async () => {
      const s = await signInAs(baseUrl, dataSource, { role: 'bank_hq', bankCode: 'QDB' });
      await expect(post(`${baseUrl}/auth/password`, { currentPassword: s.password, newPassword: 'short1' }, authHeaders(s.token))).resolves.toMatchObject({ status: 400, body: { code: 'WEAK_PASSWORD' } });
      await expect(post(`${baseUrl}/auth/password`, { currentPassword: 'wrong-pass-9', newPassword: 'Brand-new-pass-42' }, authHeaders(s.token))).resolves.toMatchObject({ status: 400, body: { code: 'WRONG_PASSWORD' } });
      const ok = await post(`${baseUrl}/auth/password`, { currentPassword: s.password, newPassword: 'Brand-new-pass-42' }, authHeaders(s.token));
      expect(ok.status).toBe(200);
      await expect(get(`${baseUrl}/auth/me`, authHeaders(s.token))).resolves.toMatchObject({ status: 401 });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(ok.body.accessToken))).resolves.toMatchObject({ status: 200 });
      await expect(post(`${baseUrl}/auth/login`, { username: s.username, password: s.password })).resolves.toMatchObject({ status: 401 });
      await expect(login(baseUrl, s.username, 'Brand-new-pass-42')).resolves.toEqual(expect.any(String));
    });
  });

  describe('demo users', () => {
    it('should create the demo logins whose units exist, print only working ones, and be repeatable', async () => {
      const first = await app.get(DemoSeeder).seedIfEmpty();
      expect(first?.logins.map((l) => [l.username, l.role, l.scope])).toEqual([
        ['regulator', 'regulator', 'all banks'],
        ['admin', 'admin', 'all banks'],
        ['icbc_hq', 'bank_hq', 'bank ICBC'],
        ['qdb_hq', 'bank_hq', 'bank QDB'],
        ['icbc_jinan', 'branch', 'unit ICBC-370100 and below'],
      ]);
      for (const l of first!.logins) await expect(login(baseUrl, l.username, l.password)).resolves.toEqual(expect.any(String));
      const again = await app.get(DemoSeeder).seedIfEmpty();
      expect(again?.logins).toEqual(first?.logins);
    });
  });

  describe('/users (admin)', () => {
    it('should let an admin create, disable, enable and reset a user, and nobody else', async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
      const body = { username: 'jinan_ops', password: 'Jinan-branch-2025', role: 'branch', unitCode: 'ICBC-370100', displayName: '工行济南' };
      await expect(post(`${baseUrl}/users`, body, authHeaders(reg.token))).resolves.toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
      const created = await post(`${baseUrl}/users`, body, authHeaders(admin.token));
      expect(created).toMatchObject({ status: 201, body: { username: 'jinan_ops', role: 'branch', bankCode: 'ICBC', unitCode: 'ICBC-370100', disabled: false } });
      await expect(post(`${baseUrl}/users`, body, authHeaders(admin.token))).resolves.toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
      const token = await login(baseUrl, 'jinan_ops', 'Jinan-branch-2025');

      const id = created.body.id as number;
      await expect(post(`${baseUrl}/users/${id}/disable`, {}, authHeaders(admin.token))).resolves.toMatchObject({ status: 200, body: { disabled: true } });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(token))).resolves.toMatchObject({ status: 401 });
      await expect(post(`${baseUrl}/auth/login`, { username: 'jinan_ops', password: 'Jinan-branch-2025' })).resolves.toMatchObject({ status: 401, body: { code: 'ACCOUNT_DISABLED' } });
      await expect(post(`${baseUrl}/users/${id}/enable`, {}, authHeaders(admin.token))).resolves.toMatchObject({ status: 200, body: { disabled: false } });
      await expect(post(`${baseUrl}/users/${id}/reset-password`, { password: 'Reset-pass-2025' }, authHeaders(admin.token))).resolves.toMatchObject({ status: 200 });
      await expect(login(baseUrl, 'jinan_ops', 'Reset-pass-2025')).resolves.toEqual(expect.any(String));

      const list = await get(`${baseUrl}/users`, authHeaders(admin.token));
      expect(list.status).toBe(200);
      expect(list.body.items.map((u: { username: string }) => u.username)).toContain('jinan_ops');
      expect(JSON.stringify(list.body)).not.toMatch(/password|\$2[aby]\$/i);
    });

    it('should refuse accounts whose tenancy does not match the units, and weak passwords', async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const cases: [Record<string, unknown>, string][] = [
        [{ username: 'x_hq1', password: 'Good-pass-123', role: 'bank_hq' }, 'BANK_REQUIRED'],
        [{ username: 'x_hq2', password: 'Good-pass-123', role: 'bank_hq', bankCode: 'NOPE' }, 'UNKNOWN_BANK'],
        [{ username: 'x_hq3', password: 'Good-pass-123', role: 'bank_hq', bankCode: 'ICBC-370100' }, 'UNKNOWN_BANK'],
        [{ username: 'x_br1', password: 'Good-pass-123', role: 'branch', unitCode: 'NOPE' }, 'UNKNOWN_UNIT'],
        [{ username: 'x_br2', password: 'Good-pass-123', role: 'branch', unitCode: 'ICBC-370100', bankCode: 'QDB' }, 'BANK_MISMATCH'],
        [{ username: 'x_reg', password: 'Good-pass-123', role: 'regulator', bankCode: 'ICBC' }, 'SCOPE_NOT_ALLOWED'],
        [{ username: 'x_weak', password: 'onlyletters', role: 'regulator' }, 'WEAK_PASSWORD'],
        [{ username: 'x_short', password: 'Ab1', role: 'regulator' }, 'WEAK_PASSWORD'],
      ];
      for (const [body, code] of cases) {
        await expect(post(`${baseUrl}/users`, body, authHeaders(admin.token))).resolves.toMatchObject({ status: 400, body: { code } });
      }
    });

    it('should not let an admin disable itself', async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      await expect(post(`${baseUrl}/users/${admin.id}/disable`, {}, authHeaders(admin.token))).resolves.toMatchObject({ status: 409, body: { code: 'CANNOT_DISABLE_SELF' } });
    });
  });
});

describe.each(testDatabases().map((d) => [d.name, d] as const))('rate limits on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let config: AppConfig;

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '3';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '8';
    process.env['API_RATE_LIMIT'] = '20';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    ({ app, baseUrl, config } = await startTestApp(fresh.config, dataSource));
  });

  afterAll(async () => {
    delete process.env['AUTH_LOGIN_LIMIT'];
    delete process.env['AUTH_LOGIN_IP_LIMIT'];
    delete process.env['API_RATE_LIMIT'];
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  });

  describe('POST /auth/login', () => {
    it('should answer 429 once an address exceeds the per-account login limit, even with the right password', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      const other = await createTestUser(dataSource, { role: 'admin' });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(`${baseUrl}/auth/login`, { username: u.username, password: 'Wrong-pass-1' })).status);
      const blocked = await post(`${baseUrl}/auth/login`, { username: u.username, password: u.password });
      expect(statuses).toEqual([401, 401, 401]);
      expect(blocked).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
      // another account from the same address still has its own budget
      await expect(login(baseUrl, other.username, other.password)).resolves.toEqual(expect.any(String));
    });

    it('should answer 429 once an address tries too many usernames (password spraying)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(`${baseUrl}/auth/login`, { username: `spray${i}`, password: 'Spring-2025' })).status);
      // the previous test spent 4 of the 8 (AUTH_LOGIN_IP_LIMIT); its blocked attempt was not counted
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  });

  describe('any route', () => {
    it('should count API_RATE_LIMIT per signed-in user across routes', async () => {
      const a = await tokenFor(dataSource, config);
      const b = await tokenFor(dataSource, config);
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await get(`${baseUrl}/${i % 2 ? 'auth/me' : 'audit'}`, authHeaders(a))).status);
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      await expect(get(`${baseUrl}/auth/me`, authHeaders(b))).resolves.toMatchObject({ status: 200 });
    });
  });
});

/** A token for a new regulator, signed with the app's secret (the suite's login budget is spent). */
async function tokenFor(dataSource: DataSource, config: AppConfig): Promise<string> {
  const u = await createTestUser(dataSource, { role: 'regulator' });
  return new JwtService({ secret: config.jwtSecret }).sign({ sub: u.id, ver: 0 }, { expiresIn: 600 });
}
