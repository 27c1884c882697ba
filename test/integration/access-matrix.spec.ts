import type { INestApplication } from '@nestjs/common';
import { resolve } from 'path';
import type { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { ImportService } from '../../api/src/import/import.service';
import { createTestUser, login } from '../support/auth';
import { coarsen } from '../../api/src/results/peer-disclosure';
import { mayManage, ROLES, type Role } from '@sci/shared';
import { testDatabases } from '../support/databases';
import { ACCESS_POLICY, Actor, MATRIX_SEEDERS, MatrixTarget, RoutePolicy } from './access-policy';

/**
 * Every route the app serves × every actor × own / out-of-scope targets, against ACCESS_POLICY.
 * Routes come from the Express router of the real app, so a new route cannot escape: one
 * without a policy entry fails here.
 */
const FIXTURE = resolve(__dirname, '../fixtures/sd-small');
const SIGNED_IN: Exclude<Actor, 'anonymous'>[] = ['regulator', 'admin', 'bank_hq', 'branch'];
const AUTH_DENIED = new Set(['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'SESSION_ENDED']);

const BANK_A = 'ICBC';
const BRANCH_UNIT = 'ICBC-370100';
const TARGETS: Record<Actor, { own: MatrixTarget; others: MatrixTarget[] }> = {
  anonymous: { own: { unit: 'ICBC-370100', bank: BANK_A, own: true }, others: [] },
  regulator: { own: { unit: 'ICBC-370100', bank: BANK_A, own: true }, others: [] },
  admin: { own: { unit: 'ICBC-370100', bank: BANK_A, own: true }, others: [] },
  bank_hq: { own: { unit: 'ICBC-370100', bank: BANK_A, own: true }, others: [{ unit: 'QDB-370300', bank: 'QDB', own: false }] },
  branch: {
    own: { unit: 'ICBC-370100-01', bank: BANK_A, own: true },
    others: [
      { unit: 'ICBC-370200', bank: BANK_A, own: false },
      { unit: 'QDB-370300', bank: 'QDB', own: false },
    ],
  },
};

interface ServedRoute {
  method: string;
  path: string;
}

/** The routes of the Express app (Nest controllers and anything mounted with app.get/post, e.g. swagger). */
function servedRoutes(app: INestApplication): ServedRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const out: ServedRoute[] = [];
  for (const layer of stack as { route?: { path: string | string[]; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths) {
      for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.push({ method: m.toUpperCase(), path });
    }
  }
  return out;
}

/** The sd-small fixture, imported through the real import service. */
async function seedUnits(app: INestApplication): Promise<string> {
  const r = await app.get(ImportService, { strict: false }).importDirectory(FIXTURE, 'matrix');
  if (r.status !== 'succeeded') throw new Error(`fixture import ${r.status}`);
  return 'sd-small fixture';
}

/** One regex for the codes and names a caller must never see. */
async function leakPattern(dataSource: DataSource, actor: 'bank_hq' | 'branch'): Promise<RegExp> {
  const units: { code: string; name: string; bank_code: string }[] = await dataSource.query('SELECT code, name, bank_code FROM institution');
  let inScope: Set<string>;
  if (actor === 'bank_hq') {
    inScope = new Set(units.filter((u) => u.bank_code === BANK_A).map((u) => u.code));
  } else {
    const rows: { d: string }[] = await dataSource.query('SELECT descendant_code AS d FROM institution_closure WHERE ancestor_code = ?', [BRANCH_UNIT]);
    // a branch knows which bank it belongs to: the bank's code and name are not a leak
    inScope = new Set([...rows.map((r) => r.d), BANK_A]);
  }
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const visibleNames = units.filter((u) => inScope.has(u.code)).map((u) => u.name);
  const hidden = units.filter((u) => !inScope.has(u.code));
  const codes = hidden.map((u) => esc(u.code));
  const names = hidden.map((u) => u.name).filter((n) => !visibleNames.some((v) => v.includes(n))).map(esc);
  return new RegExp(`(?<![A-Za-z0-9_-])(?:${codes.join('|')})(?![A-Za-z0-9_-])|${names.join('|')}`);
}

/**
 * The exact values of out-of-scope units that a bank caller must not be able to read off any
 * response: peer statistics leave the API only as quartiles on a 2-significant-digit grid
 * (docs/access.md), so a number in a response equal to such a value is a disclosure.
 * The values checked are those no in-scope number can equal by chance: composites and
 * quantitative totals (sums of ten terms), K1 balances (yuan with cents) and K3 growth gaps.
 * Integers, values on the grid (0, 10, 59) and values an in-scope unit also has are left out;
 * ratios of small counts (K6 12.5 %) and class scores recur between units and prove nothing.
 */
async function hiddenValues(dataSource: DataSource, inScope: Set<string>): Promise<Map<number, string>> {
  const cols = ['composite', 'quantitative', 'k1', 'k3'];
  const rows: Record<string, unknown>[] = await dataSource.query(`SELECT code, run_id, ${cols.join(', ')} FROM run_result`);
  const own = new Set<number>();
  const hidden = new Map<number, string>();
  for (const r of rows) {
    for (const c of cols) {
      const v = r[c] === null || r[c] === undefined ? null : Number(r[c]);
      if (v === null || !Number.isFinite(v)) continue;
      if (inScope.has(String(r['code']))) own.add(v);
      else if (!Number.isInteger(v) && coarsen(v) !== v) hidden.set(v, `${String(r['code'])}.${c} (run ${String(r['run_id'])})`);
    }
  }
  for (const v of own) hidden.delete(v);
  return hidden;
}

/** Every number written in a response body (JSON or CSV) that is one of the hidden values. */
function disclosedValue(text: string, hidden: Map<number, string>): string | null {
  for (const m of text.matchAll(/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g)) {
    const what = hidden.get(Number(m[0]));
    if (what !== undefined) return `${m[0]} = ${what} near ${text.slice(Math.max(0, m.index - 60), m.index + 40)}`;
  }
  return null;
}

/** The unit codes a bank_hq / branch matrix actor may see. */
async function scopeCodes(dataSource: DataSource, actor: 'bank_hq' | 'branch'): Promise<Set<string>> {
  if (actor === 'bank_hq') {
    const rows: { code: string }[] = await dataSource.query('SELECT code FROM institution WHERE bank_code = ?', [BANK_A]);
    return new Set(rows.map((r) => r.code));
  }
  const rows: { d: string }[] = await dataSource.query('SELECT descendant_code AS d FROM institution_closure WHERE ancestor_code = ?', [BRANCH_UNIT]);
  return new Set(rows.map((r) => r.d));
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('access matrix on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    // the matrix signs in often and sends hundreds of requests from one address
    process.env['AUTH_LOGIN_LIMIT'] = '100000';
    process.env['AUTH_LOGIN_IP_LIMIT'] = '100000';
    process.env['API_RATE_LIMIT'] = '0';
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

  it('should give every route exactly the access its policy declares, with zero leaks', async () => {
    const seeded = await seedUnits(app);
    const creds: Record<string, { username: string; password: string }> = {
      regulator: await createTestUser(dataSource, { role: 'regulator' }),
      admin: await createTestUser(dataSource, { role: 'admin' }),
      bank_hq: await createTestUser(dataSource, { role: 'bank_hq', bankCode: BANK_A }),
      branch: await createTestUser(dataSource, { role: 'branch', unitCode: BRANCH_UNIT }),
    };
    const spare = await createTestUser(dataSource, { role: 'bank_hq', bankCode: 'QDB' });
    const privilegedSpare = await createTestUser(dataSource, { role: 'admin' });
    const ids: Record<string, string> = { userId: String(spare.id), privilegedUserId: String(privilegedSpare.id) };
    for (const seed of MATRIX_SEEDERS) await seed(app, dataSource, ids);
    const tokens: Record<string, string> = {};
    const signIn = async (a: string): Promise<void> => {
      tokens[a] = await login(baseUrl, creds[a].username, creds[a].password);
    };
    for (const a of SIGNED_IN) await signIn(a);
    const leaks = { bank_hq: await leakPattern(dataSource, 'bank_hq'), branch: await leakPattern(dataSource, 'branch') };
    const hidden = {
      bank_hq: await hiddenValues(dataSource, await scopeCodes(dataSource, 'bank_hq')),
      branch: await hiddenValues(dataSource, await scopeCodes(dataSource, 'branch')),
    };
    expect(hidden.bank_hq.size).toBeGreaterThan(100);

    const routes = servedRoutes(app).sort((x, y) => x.path.localeCompare(y.path) || x.method.localeCompare(y.method));
    const failures: string[] = [];
    const served = new Set<string>();
    let calls = 0;

    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      served.add(key);
      const policy: RoutePolicy | undefined = ACCESS_POLICY[key];
      if (!policy) {
        failures.push(`${key}: no entry in test/integration/access-policy.ts`);
        continue;
      }
      for (const actor of ['anonymous', ...SIGNED_IN] as Actor[]) {
        const allowed = policy.allow === 'public' || (actor !== 'anonymous' && (policy.allow === 'any' || policy.allow.includes(actor)));
        const targets = [TARGETS[actor].own];
        if (allowed && policy.scoped && (actor === 'bank_hq' || actor === 'branch')) {
          targets.push(...TARGETS[actor].others.filter((t) => policy.scoped === 'unit' || t.bank !== BANK_A));
        }
        for (const t of targets) {
          const c = { actor, t, ids };
          let url: string;
          try {
            url = buildUrl(baseUrl, path, policy.params?.(c) ?? {}, policy.query?.(c));
          } catch (e) {
            failures.push(`${key}: ${(e as Error).message}`);
            continue;
          }
          const headers: Record<string, string> = actor === 'anonymous' ? {} : { authorization: `Bearer ${tokens[actor]}` };
          const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
          if (hasBody) headers['content-type'] = 'application/json';
          const res = await fetch(url, { method, headers, body: hasBody ? JSON.stringify(policy.body?.(c) ?? {}) : undefined });
          calls++;
          const text = await res.text();
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { code?: string }).code;
          } catch {
            code = undefined;
          }
          const where = `${key} as ${actor} on ${t.own ? 'own' : 'other'} ${t.unit}`;
          const authDenied = res.status === 401 && !!code && AUTH_DENIED.has(code);
          if (res.status >= 500) failures.push(`${where}: ${res.status} ${text.slice(0, 200)}`);
          else if (actor === 'anonymous' && policy.allow !== 'public') {
            if (!authDenied) failures.push(`${where}: expected 401, got ${res.status}`);
          } else if (!allowed) {
            if (res.status !== 403 && res.status !== 404) failures.push(`${where}: expected 403/404, got ${res.status}`);
          } else if (!t.own) {
            if (res.status !== 403 && res.status !== 404) failures.push(`${where}: out of scope, expected 403/404, got ${res.status}`);
          } else if (authDenied || res.status === 403) {
            failures.push(`${where}: allowed by policy, got ${res.status} ${code}`);
          } else if (policy.ownStatus !== undefined && res.status !== policy.ownStatus) {
            failures.push(`${where}: expected ${policy.ownStatus}, got ${res.status} ${text.slice(0, 200)}`);
          }
          if (actor === 'bank_hq' || actor === 'branch') {
            const m = leaks[actor].exec(text);
            if (m) failures.push(`${where}: LEAK of "${m[0]}" in ${text.slice(Math.max(0, m.index - 60), m.index + 60)}`);
            const v = disclosedValue(text, hidden[actor]);
            if (v) failures.push(`${where}: DISCLOSED another bank's value ${v}`);
          }
          if (policy.endsSession && actor !== 'anonymous' && res.status < 300) await signIn(actor);
        }
      }
    }
    calls += await checkAccountSeparation(baseUrl, dataSource, tokens, failures);
    for (const key of Object.keys(ACCESS_POLICY)) {
      if (!served.has(key)) process.stderr.write(`access-policy.ts: "${key}" is not a route of the app (stale entry?)\n`);
    }
    process.stderr.write(`access matrix on ${db.name}: ${routes.length} routes, ${calls} requests (${seeded})\n`);
    expect(routes.length).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });
});

/**
 * Who may manage whose account: every signed-in actor x every target role x every account
 * action, against mayManage (admin: bank_hq and branch; regulator: regulator and admin; bank
 * roles: nothing). Each (actor, role) pair acts on an account of its own.
 */
async function checkAccountSeparation(baseUrl: string, dataSource: DataSource, tokens: Record<string, string>, failures: string[]): Promise<number> {
  let calls = 0;
  const pw = 'Separate-Duties-2025';
  const tenancy: Record<Role, Record<string, string>> = { regulator: {}, admin: {}, bank_hq: { bankCode: BANK_A }, branch: { unitCode: BRANCH_UNIT } };
  for (const actor of SIGNED_IN) {
    for (const role of ROLES) {
      const may = (actor === 'admin' || actor === 'regulator') && mayManage(actor, role);
      const target = await createTestUser(dataSource, { role, ...(role === 'bank_hq' ? { bankCode: BANK_A } : role === 'branch' ? { unitCode: BRANCH_UNIT } : {}) });
      const requests: [string, string, unknown][] = [
        ['create', '/users', { username: `sep_${actor}_${role}`, password: pw, role, ...tenancy[role] }],
        ['disable', `/users/${target.id}/disable`, {}],
        ['enable', `/users/${target.id}/enable`, {}],
        ['reset', `/users/${target.id}/reset-password`, { password: pw }],
      ];
      for (const [what, path, body] of requests) {
        const res = await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[actor]}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        calls++;
        const ok = res.status === 200 || res.status === 201;
        if (ok !== may) failures.push(`account separation: ${actor} ${what} a ${role} account: expected ${may ? '2xx' : '403'}, got ${res.status} ${(await res.text()).slice(0, 160)}`);
        else if (!may && res.status !== 403) failures.push(`account separation: ${actor} ${what} a ${role} account: expected 403, got ${res.status}`);
      }
    }
  }
  return calls;
}

function buildUrl(baseUrl: string, path: string, params: Record<string, string>, query?: Record<string, string>): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`the policy must fill :${name} (params)`);
    return encodeURIComponent(v);
  });
  const origin = baseUrl.replace(/\/api$/, '');
  const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `${origin}${filled}${qs}`;
}
