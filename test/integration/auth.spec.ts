import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { authHeaders, createTestUser, insertTestUnits, login, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { JWT_SIGNING_KEY, resolveJwtKey } from '../../api/src/core/auth/jwt-key';
import { type DatabaseConfig, loadConfig } from '../../api/src/core/config/app-config';
import { openDataSource } from '../../api/src/core/database/data-source';
import { AuthService } from '../../api/src/auth/auth.service';
import { LoginLockoutRepository } from '../../api/src/users/login-lockout.repository';
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
  let dbConfig: DatabaseConfig;

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '1000';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '1000';
    process.env['AUTH_LOCKOUT_THRESHOLD'] = '3';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    dbConfig = fresh.config;
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

    it('should lock only the guessing address, answering exactly like an unknown name', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      const wrong = { username: u.username, password: 'wrong-pass-1' };
      for (let i = 0; i < 3; i++) {
        await expect(post(`${baseUrl}/auth/login`, wrong)).resolves.toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
      }
      // locked for this address: even the right password gets the unknown-name answer
      const locked = await post(`${baseUrl}/auth/login`, { username: u.username, password: u.password });
      const unknown = await post(`${baseUrl}/auth/login`, { username: 'nobody-at-all', password: u.password });
      expect(locked).toEqual(unknown);
      expect(locked).toEqual({ status: 401, body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'wrong username or password' } });
      // the owner, from another address, is not locked out by the guesser
      const auth = app.get(AuthService);
      await expect(auth.login({ username: u.username, password: u.password }, '10.9.8.7')).resolves.toMatchObject({ user: { username: u.username } });
      // the admin list shows the lock
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const list = await get(`${baseUrl}/users`, authHeaders(admin.token));
      expect(list.body.items.find((x: { username: string }) => x.username === u.username).lockedUntil).toEqual(expect.any(String));
    });

    it('should take as long for a locked account as for an unknown name', async () => {
      const u = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      for (let i = 0; i < 3; i++) await post(`${baseUrl}/auth/login`, { username: u.username, password: 'wrong-pass-1' });
      const time = async (username: string): Promise<number> => {
        const t = process.hrtime.bigint();
        const r = await post(`${baseUrl}/auth/login`, { username, password: u.password });
        expect(r.body.code).toBe('INVALID_CREDENTIALS');
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const locked: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        locked.push(await time(u.username));
        unknown.push(await time(`ghost-${i}-x`));
      }
      // both run one bcrypt comparison (the locked one against a dummy hash): today's 5 ms vs 190 ms is gone
      const ratio = median(locked) / median(unknown);
      process.stderr.write(`login timing: locked median ${median(locked).toFixed(1)} ms, unknown median ${median(unknown).toFixed(1)} ms\n`);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });

    it('should double the lock of a pair that keeps guessing, and forget a pair after a quiet day', async () => {
      const repo = app.get(LoginLockoutRepository);
      const policy = { threshold: 2, lockMs: 60_000, maxLockMs: 3_600_000, forgetMs: 86_400_000 };
      const t0 = new Date('2026-01-01T00:00:00Z');
      const at = (ms: number): Date => new Date(t0.getTime() + ms);
      await repo.recordFailure('victim', '10.0.0.1', at(0), policy);
      const first = await repo.recordFailure('victim', '10.0.0.1', at(1000), policy);
      expect(first.lockedUntil).toEqual(at(61_000));
      await repo.recordFailure('victim', '10.0.0.1', at(70_000), policy);
      const second = await repo.recordFailure('victim', '10.0.0.1', at(71_000), policy);
      expect(second.lockedUntil).toEqual(at(71_000 + 120_000));
      await expect(repo.lockedUntil('victim', '10.0.0.2', at(72_000))).resolves.toBeNull();
      await repo.recordFailure('victim', '10.0.0.1', at(2 * 86_400_000), policy);
      const afresh = await repo.recordFailure('victim', '10.0.0.1', at(2 * 86_400_000 + 1000), policy);
      expect(afresh.lockedUntil).toEqual(at(2 * 86_400_000 + 1000 + 60_000));
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

    it('should refuse a correctly signed token without exp or iat, or living longer than we issue', async () => {
      const u = await createTestUser(dataSource, { role: 'regulator' });
      const jwt = new JwtService({ secret: app.get(JWT_SIGNING_KEY) });
      const now = Math.floor(Date.now() / 1000);
      const tokens = {
        noExp: jwt.sign({ sub: u.id, ver: 0 }),
        noIat: jwt.sign({ sub: u.id, ver: 0, exp: now + 600 }, { noTimestamp: true }),
        future: jwt.sign({ sub: u.id, ver: 0, iat: now + 3600, exp: now + 7200 }),
        forever: jwt.sign({ sub: u.id, ver: 0 }, { expiresIn: '3650d' }),
        good: jwt.sign({ sub: u.id, ver: 0 }, { expiresIn: 600 }),
      };
      for (const t of [tokens.noExp, tokens.noIat, tokens.future, tokens.forever]) {
        await expect(get(`${baseUrl}/auth/me`, authHeaders(t))).resolves.toMatchObject({ status: 401, body: { code: 'INVALID_TOKEN' } });
      }
      await expect(get(`${baseUrl}/auth/me`, authHeaders(tokens.good))).resolves.toMatchObject({ status: 200 });
    });

    it('should sign with a random key kept in the database when JWT_SECRET is unset, never with a published one', async () => {
      const key = app.get<string>(JWT_SIGNING_KEY);
      const rows: { value: string }[] = await dataSource.query("SELECT value FROM app_secret WHERE name = 'jwt_signing_key'");
      expect(rows).toEqual([{ value: key }]);
      expect(key.length).toBeGreaterThanOrEqual(64);
      // what the server used to sign with when JWT_SECRET was unset
      const u = await createTestUser(dataSource, { role: 'regulator' });
      const minted = new JwtService({ secret: 'dev-only-secret-change-me-in-production' }).sign({ sub: u.id, ver: 0 }, { expiresIn: 600 });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(minted))).resolves.toMatchObject({ status: 401, body: { code: 'INVALID_TOKEN' } });
      // a restart or a second replica on the same database resolves the same key
      const config = { ...loadConfig({ RUN_CRON: '', SEED_DEMO: 'false', WEB_DIST: '' }), database: dbConfig };
      const otherConnection = await openDataSource(dbConfig);
      try {
        await expect(resolveJwtKey(config, otherConnection)).resolves.toBe(key);
      } finally {
        await otherConnection.destroy();
      }
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
    it('should let an admin create, disable, enable and reset a bank user', async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const body = { username: 'jinan_ops', password: 'Jinan-branch-2025', role: 'branch', unitCode: 'ICBC-370100', displayName: '工行济南' };
      const created = await post(`${baseUrl}/users`, body, authHeaders(admin.token));
      expect(created).toMatchObject({ status: 201, body: { username: 'jinan_ops', role: 'branch', bankCode: 'ICBC', unitCode: 'ICBC-370100', disabled: false } });
      await expect(post(`${baseUrl}/users`, body, authHeaders(admin.token))).resolves.toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
      // names differing only in case are one name
      await expect(post(`${baseUrl}/users`, { ...body, username: 'Jinan_OPS' }, authHeaders(admin.token))).resolves.toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
      const token = await login(baseUrl, 'jinan_ops', 'Jinan-branch-2025');

      const id = created.body.id as number;
      await expect(post(`${baseUrl}/users/${id}/disable`, {}, authHeaders(admin.token))).resolves.toMatchObject({ status: 200, body: { disabled: true } });
      await expect(get(`${baseUrl}/auth/me`, authHeaders(token))).resolves.toMatchObject({ status: 401 });
      await expect(post(`${baseUrl}/auth/login`, { username: 'jinan_ops', password: 'Jinan-branch-2025' })).resolves.toMatchObject({ status: 401, body: { code: 'ACCOUNT_DISABLED' } });
      await expect(post(`${baseUrl}/users/${id}/enable`, {}, authHeaders(admin.token))).resolves.toMatchObject({ status: 200, body: { disabled: false } });
      await expect(post(`${baseUrl}/users/${id}/reset-password`, { password: 'Reset-pass-2025' }, authHeaders(admin.token))).resolves.toMatchObject({ status: 200 });
      await expect(login(baseUrl, 'JINAN_ops', 'Reset-pass-2025')).resolves.toEqual(expect.any(String));

      const list = await get(`${baseUrl}/users`, authHeaders(admin.token));
      expect(list.status).toBe(200);
      expect(list.body.items.map((u: { username: string }) => u.username)).toContain('jinan_ops');
      expect(JSON.stringify(list.body)).not.toMatch(/password|\$2[aby]\$/i);
    });

    it("should keep regulator and admin accounts out of an admin's hands, and bank accounts out of a regulator's", async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
      const other = await createTestUser(dataSource, { role: 'regulator' });
      const pw = 'Quarterly-Review-77';
      const forbidden = { status: 403, body: { code: 'ACCOUNT_ROLE_FORBIDDEN' } };
      for (const role of ['regulator', 'admin']) {
        await expect(post(`${baseUrl}/users`, { username: `made_${role}`, password: pw, role }, authHeaders(admin.token))).resolves.toMatchObject(forbidden);
      }
      await expect(post(`${baseUrl}/users/${other.id}/reset-password`, { password: pw }, authHeaders(admin.token))).resolves.toMatchObject(forbidden);
      await expect(post(`${baseUrl}/users/${other.id}/enable`, {}, authHeaders(admin.token))).resolves.toMatchObject(forbidden);
      await expect(post(`${baseUrl}/users/${other.id}/disable`, {}, authHeaders(admin.token))).resolves.toMatchObject(forbidden);
      await expect(post(`${baseUrl}/users`, { username: 'reg_made_hq', password: pw, role: 'bank_hq', bankCode: 'ICBC' }, authHeaders(reg.token))).resolves.toMatchObject(forbidden);
      // a regulator manages the privileged accounts
      const made = await post(`${baseUrl}/users`, { username: 'second_admin', password: pw, role: 'admin' }, authHeaders(reg.token));
      expect(made).toMatchObject({ status: 201, body: { role: 'admin' } });
      await expect(post(`${baseUrl}/users/${admin.id}/reset-password`, { password: pw }, authHeaders(reg.token))).resolves.toMatchObject({ status: 200 });
      await expect(get(`${baseUrl}/users`, authHeaders(reg.token))).resolves.toMatchObject({ status: 200 });
      // nobody resets its own password through the admin route (that needs the current one)
      await expect(post(`${baseUrl}/users/${reg.id}/reset-password`, { password: pw }, authHeaders(reg.token))).resolves.toMatchObject({ status: 409, body: { code: 'CANNOT_RESET_SELF' } });
      const bank = await signInAs(baseUrl, dataSource, { role: 'bank_hq', bankCode: 'ICBC' });
      await expect(get(`${baseUrl}/users`, authHeaders(bank.token))).resolves.toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
    });

    it('should never disable the last active admin', async () => {
      const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
      const admins: { id: number }[] = await dataSource.query("SELECT id FROM users WHERE role = 'admin' AND disabled = 0");
      const [last, ...rest] = admins.map((a) => a.id);
      for (const id of rest) await expect(post(`${baseUrl}/users/${id}/disable`, {}, authHeaders(reg.token))).resolves.toMatchObject({ status: 200 });
      await expect(post(`${baseUrl}/users/${last}/disable`, {}, authHeaders(reg.token))).resolves.toMatchObject({ status: 409, body: { code: 'LAST_ADMIN' } });
      for (const id of rest) await post(`${baseUrl}/users/${id}/enable`, {}, authHeaders(reg.token));
    });

    it('should refuse accounts whose tenancy does not match the units, and weak passwords with the reason in both languages', async () => {
      const admin = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
      const good = 'Good-Harbour-Pass-7';
      const cases: [string, Record<string, unknown>, string, string?][] = [
        [admin.token, { username: 'x_hq1', password: good, role: 'bank_hq' }, 'BANK_REQUIRED'],
        [admin.token, { username: 'x_hq2', password: good, role: 'bank_hq', bankCode: 'NOPE' }, 'UNKNOWN_BANK'],
        [admin.token, { username: 'x_hq3', password: good, role: 'bank_hq', bankCode: 'ICBC-370100' }, 'UNKNOWN_BANK'],
        [admin.token, { username: 'x_br1', password: good, role: 'branch', unitCode: 'NOPE' }, 'UNKNOWN_UNIT'],
        [admin.token, { username: 'x_br2', password: good, role: 'branch', unitCode: 'ICBC-370100', bankCode: 'QDB' }, 'BANK_MISMATCH'],
        [reg.token, { username: 'x_reg', password: good, role: 'regulator', bankCode: 'ICBC' }, 'SCOPE_NOT_ALLOWED'],
        [reg.token, { username: 'x_weak', password: 'Password123', role: 'regulator' }, 'WEAK_PASSWORD', 'PASSWORD_TOO_WEAK'],
        [reg.token, { username: 'x_rep', password: 'aaaaaaaaa1', role: 'regulator' }, 'WEAK_PASSWORD', 'PASSWORD_TOO_WEAK'],
        [reg.token, { username: 'x_nul', password: 'Good-Harbour\u0000Pass-7', role: 'regulator' }, 'WEAK_PASSWORD', 'PASSWORD_CONTROL_CHARACTER'],
        [reg.token, { username: 'x_long', password: '科'.repeat(24) + 'x', role: 'regulator' }, 'WEAK_PASSWORD', 'PASSWORD_TOO_LONG'],
        [reg.token, { username: 'x_short', password: 'Ab1', role: 'regulator' }, 'WEAK_PASSWORD', 'PASSWORD_TOO_SHORT'],
      ];
      for (const [token, body, code, reason] of cases) {
        const r = await post(`${baseUrl}/users`, body, authHeaders(token));
        expect({ user: body['username'], ...r }).toMatchObject({ status: 400, body: { code, ...(reason ? { details: { reason, messageZh: expect.stringMatching(/密码/) } } : {}) } });
      }
      // a Chinese-only password is a password
      const zh = await post(`${baseUrl}/users`, { username: 'zh_pass', password: '泰山日出云海翻腾好风光', role: 'admin' }, authHeaders(reg.token));
      expect(zh.status).toBe(201);
      await expect(login(baseUrl, 'zh_pass', '泰山日出云海翻腾好风光')).resolves.toEqual(expect.any(String));
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

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '3';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '8';
    process.env['API_RATE_LIMIT'] = '20';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
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
      const a = await tokenFor(dataSource, app.get(JWT_SIGNING_KEY));
      const b = await tokenFor(dataSource, app.get(JWT_SIGNING_KEY));
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await get(`${baseUrl}/${i % 2 ? 'auth/me' : 'audit'}`, authHeaders(a))).status);
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      await expect(get(`${baseUrl}/auth/me`, authHeaders(b))).resolves.toMatchObject({ status: 200 });
    });
  });
});

/** A token for a new regulator, signed with the app's secret (the suite's login budget is spent). */
async function tokenFor(dataSource: DataSource, key: string): Promise<string> {
  const u = await createTestUser(dataSource, { role: 'regulator' });
  return new JwtService({ secret: key }).sign({ sub: u.id, ver: 0 }, { expiresIn: 600 });
}
