import type { INestApplication } from '@nestjs/common';
import { createHash } from 'crypto';
import type { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { authHeaders, createTestUser, insertTestUnits, login } from '../support/auth';
import { testDatabases } from '../support/databases';
import { ACCESS_POLICY, Actor } from './access-policy';

/**
 * Hostile input on every route: malformed JSON, wrong types, huge bodies, SQL-looking strings,
 * path traversal in parameters and file names. Never a 5xx, never a stack or SQL in a response,
 * and no change to any table but the audit log.
 */
const SQLISH = ["' OR '1'='1", "1; DROP TABLE users; --", "\" OR \"\"=\"", "1 UNION SELECT password_hash FROM users"];
const TRAVERSAL = ['../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'a\u0000b'];
const WEIRD = ['-1', '0', '99999999999999999999', '1e309', 'NaN', '{}', 'x'.repeat(3000), '测试'];
const PARAM_VALUES = [...SQLISH, ...TRAVERSAL, ...WEIRD];

const BODIES: { label: string; raw: string }[] = [
  { label: 'truncated JSON', raw: '{"username": "a", ' },
  { label: 'not JSON', raw: "username=admin' --" },
  { label: 'JSON null', raw: 'null' },
  { label: 'JSON array', raw: '[1, 2, 3]' },
  { label: 'JSON string', raw: '"hello"' },
  { label: 'deep nesting', raw: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000) },
  {
    label: 'wrong types',
    raw: JSON.stringify({ username: { $gt: '' }, password: [1], role: 42, period: {}, year: 'abc', id: [], bankCode: true, unitCode: null, page: 'x' }),
  },
  {
    label: 'SQL-looking strings',
    raw: JSON.stringify({ username: SQLISH[1], password: SQLISH[0], role: SQLISH[3], period: SQLISH[0], bankCode: SQLISH[2], unitCode: TRAVERSAL[0], displayName: SQLISH[1] }),
  },
  { label: 'prototype pollution', raw: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' },
];

const QUERIES = [
  `page=-1&pageSize=abc&from=not-a-date&to=2025-13-45`,
  `actor=${encodeURIComponent(SQLISH[0])}&action=${encodeURIComponent(SQLISH[1])}&period=${encodeURIComponent(SQLISH[3])}`,
  `actor[]=a&actor[]=b&page[$gt]=1&unit=${encodeURIComponent(TRAVERSAL[0])}`,
  `pageSize=100000000000&page=1e309&year=-5&format=../../etc/passwd`,
];

function firstAllowedRole(key: string): Actor {
  const allow = ACCESS_POLICY[key]?.allow;
  if (allow === undefined || allow === 'public') return 'anonymous';
  return allow === 'any' ? 'regulator' : allow[0];
}

/** Every row of every table but the audit log, to compare before and after. */
async function tableContents(ds: DataSource): Promise<Record<string, string>> {
  const tables = ds.entityMetadatas.map((m) => m.tableName).filter((t) => t !== 'audit_log');
  const out: Record<string, string> = {};
  for (const t of tables.sort()) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${t}`);
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
    out[t] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) + ` (${rows.length} rows)`;
  }
  return out;
}

function checkBody(where: string, status: number, text: string, failures: string[]): void {
  if (status >= 500) failures.push(`${where}: ${status} ${text.slice(0, 160)}`);
  if (/\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+/.test(text)) failures.push(`${where}: stack trace in response`);
  if (/SELECT .* FROM|INSERT INTO|SQLITE_|\bER_[A-Z_]+|QueryFailedError/.test(text)) failures.push(`${where}: SQL in response: ${text.slice(0, 160)}`);
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('fuzz on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  const tokens: Partial<Record<Actor, string>> = {};

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '100000';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '100000';
    process.env['API_RATE_LIMIT'] = '0';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    await insertTestUnits(dataSource);
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
    for (const spec of [
      { role: 'regulator' as const },
      { role: 'admin' as const },
      { role: 'bank_hq' as const, bankCode: 'ICBC' },
      { role: 'branch' as const, unitCode: 'ICBC-370100' },
    ]) {
      const u = await createTestUser(dataSource, spec);
      tokens[spec.role] = await login(baseUrl, u.username, u.password);
    }
  });

  afterAll(async () => {
    delete process.env['AUTH_LOGIN_LIMIT'];
    delete process.env['AUTH_LOGIN_IP_LIMIT'];
    delete process.env['API_RATE_LIMIT'];
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  });

  it('should answer hostile input on every route without a 5xx, a stack, SQL or a data change', async () => {
    const before = await tableContents(dataSource);
    const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const origin = baseUrl.replace(/\/api$/, '');
    const failures: string[] = [];
    let calls = 0;
    for (const layer of express.router.stack) {
      if (!layer.route || layer.route.path.startsWith('/api/docs')) continue;
      for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => m.toUpperCase())) {
        const key = `${method} ${layer.route.path}`;
        // logging out ends the session the rest of this test signs with; auth.spec covers it
        if (ACCESS_POLICY[key]?.endsSession) continue;
        const actor = firstAllowedRole(key);
        const headers: Record<string, string> = actor === 'anonymous' ? {} : authHeaders(tokens[actor]!);
        const send = async (label: string, path: string, body?: string, contentType = 'application/json'): Promise<void> => {
          const hasBody = method !== 'GET' && method !== 'HEAD';
          const res = await fetch(`${origin}${path}`, {
            method,
            headers: hasBody ? { ...headers, 'content-type': contentType } : headers,
            body: hasBody ? (body ?? '{}') : undefined,
          });
          calls++;
          checkBody(`${key} [${label}]`, res.status, await res.text(), failures);
        };
        const hasParams = /:[A-Za-z0-9_]+/.test(layer.route.path);
        const fill = (v: string): string => layer.route!.path.replace(/:([A-Za-z0-9_]+)/g, () => encodeURIComponent(v));
        if (hasParams) for (const v of PARAM_VALUES) await send(`param ${v.slice(0, 20)}`, fill(v));
        // an id that exists nowhere, so a request that passes validation still changes nothing
        const path = hasParams ? fill('987654') : layer.route.path;
        for (const q of QUERIES) await send(`query ${q.slice(0, 30)}`, `${path}?${q}`);
        if (method !== 'GET') {
          for (const b of BODIES) await send(b.label, path, b.raw);
          await send('huge body', path, JSON.stringify({ username: 'a', password: 'x'.repeat(3 * 1024 * 1024) }));
          await send('text/plain body', path, SQLISH[1], 'text/plain');
          await send('xml body', path, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', 'application/xml');
        }
      }
    }
    const after = await tableContents(dataSource);
    process.stderr.write(`fuzz on ${db.name}: ${calls} requests\n`);
    expect(calls).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  });

  it('should answer an over-limit body with 413 and a stable code', async () => {
    const res = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    await expect(res.json()).resolves.toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large (limit 1 MB)' });
  });

  it('should answer malformed JSON with 400 and a stable code', async () => {
    const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    await expect(res.json()).resolves.toEqual({ statusCode: 400, code: 'INVALID_JSON', message: 'request body is not valid JSON' });
  });

  it('should treat SQL in a login or an audit filter as plain text', async () => {
    const res = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: "' OR 1=1 --", password: "' OR 1=1 --" }),
    });
    await expect(res.json()).resolves.toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
    const audit = await fetch(`${baseUrl}/audit?actor=${encodeURIComponent("x' OR '1'='1")}`, { headers: authHeaders(tokens.regulator!) });
    expect(audit.status).toBe(200);
    await expect(audit.json()).resolves.toMatchObject({ items: [], total: 0 });
  });

  it('should send security headers, no CORS grant and no framework banner', async () => {
    const res = await fetch(`${baseUrl}/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should declare the bearer scheme for every route in the OpenAPI document', async () => {
    const res = await fetch(`${baseUrl}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { components: { securitySchemes: Record<string, { scheme?: string }> }; security: unknown[] };
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('should keep only the base name of an uploaded file and never answer 5xx to odd names', async () => {
    const failures: string[] = [];
    for (const name of ['../../../tmp/evil.csv', '..\\..\\evil.csv', '%2e%2e%2fevil.csv', 'a\u0000b.csv', '..csv', 'x'.repeat(300) + '.csv', 'evil.php']) {
      const fd = new FormData();
      fd.append('files', new Blob(['code,name\n']), name);
      const res = await fetch(`${baseUrl}/imports`, { method: 'POST', headers: authHeaders(tokens.admin!), body: fd });
      const text = await res.text();
      checkBody(`upload ${JSON.stringify(name.slice(0, 30))}`, res.status, text, failures);
      if (res.status === 202) {
        const { batchId } = JSON.parse(text) as { batchId: number };
        let batch: { status: string; files: { name: string }[]; errors: { file: string }[] } | undefined;
        for (let i = 0; i < 100; i++) {
          batch = (await (await fetch(`${baseUrl}/imports/${batchId}`, { headers: authHeaders(tokens.admin!) })).json()) as typeof batch;
          if (batch?.status !== 'running') break;
          await new Promise((r) => setTimeout(r, 50));
        }
        expect(JSON.stringify(batch)).not.toMatch(/\.\.[\\/]|\/tmp\//);
      }
    }
    expect(failures).toEqual([]);
  });

  it('should not serve files through path traversal', async () => {
    for (const p of ['/api/../../etc/passwd', '/api/%2e%2e/%2e%2e/etc/passwd', '/api/docs/..%2f..%2f..%2fetc%2fpasswd', '/api/health/..%2f..%2fpackage.json']) {
      const res = await fetch(`${baseUrl.replace(/\/api$/, '')}${p}`, { headers: authHeaders(tokens.admin!) });
      const text = await res.text();
      expect(res.status).toBeLessThan(500);
      expect(text).not.toMatch(/root:x:0:0|"devDependencies"/);
    }
  });
});
