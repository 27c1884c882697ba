import { randomBytes } from 'crypto';
import { hash } from 'bcryptjs';
import type { Role } from '@sci/shared';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../api/src/users/user.entity';

export interface TestUserSpec {
  role: Role;
  /** bank_hq: its bank; branch: defaults to the bank of unitCode */
  bankCode?: string;
  /** branch: its unit */
  unitCode?: string;
  username?: string;
  password?: string;
}

let seq = 0;

/**
 * Inserts a user straight into the database (no admin needed) and returns its credentials.
 * A branch's bank is looked up from its unit, so the unit must exist (import or insert it first).
 * Hashes with bcrypt cost 4 to keep suites fast; the API verifies any cost.
 */
export async function createTestUser(dataSource: DataSource, spec: TestUserSpec): Promise<{ username: string; password: string; id: number }> {
  seq += 1;
  const username = spec.username ?? `${spec.role}_${seq}_${randomBytes(3).toString('hex')}`;
  const password = spec.password ?? `Test-${randomBytes(6).toString('hex')}-${seq}9`;
  let bankCode = spec.bankCode ?? null;
  const unitCode = spec.role === 'branch' ? (spec.unitCode ?? null) : null;
  if (spec.role === 'branch') {
    if (!unitCode) throw new Error('createTestUser: a branch user needs unitCode');
    const rows: { bank_code: string }[] = await dataSource.query('SELECT bank_code FROM institution WHERE code = ?', [unitCode]);
    if (!rows[0]) throw new Error(`createTestUser: unit ${unitCode} is not in the database`);
    bankCode = rows[0].bank_code;
  }
  if (spec.role === 'bank_hq' && !bankCode) throw new Error('createTestUser: a bank_hq user needs bankCode');
  if (spec.role === 'regulator' || spec.role === 'admin') bankCode = null;
  const now = new Date();
  const saved = await dataSource.getRepository(UserEntity).save(
    dataSource.getRepository(UserEntity).create({
      username,
      passwordHash: await hash(password, 4),
      role: spec.role,
      bankCode,
      unitCode,
      displayName: username,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: 0,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return { username, password, id: saved.id };
}

/** Signs in over HTTP and returns the access token; throws with the response when it fails. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

export function authHeaders(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}

/** createTestUser + login in one step. */
export async function signInAs(baseUrl: string, dataSource: DataSource, spec: TestUserSpec): Promise<{ token: string; username: string; password: string; id: number }> {
  const u = await createTestUser(dataSource, spec);
  return { ...u, token: await login(baseUrl, u.username, u.password) };
}

/**
 * Two small banks for access tests when the fixture import is not wanted:
 * bank A = ICBC (ICBC > ICBC-370100 > ICBC-370100-01, ICBC-370200), bank B = QDB (QDB > QDB-370300); the codes exist in test/fixtures/sd-small too.
 * The closure rows mirror what the import builds.
 */
export const TEST_UNITS = [
  { code: 'ICBC', parent: null, level: 'head', bank: 'ICBC' },
  { code: 'ICBC-370100', parent: 'ICBC', level: 'city', bank: 'ICBC' },
  { code: 'ICBC-370100-01', parent: 'ICBC-370100', level: 'outlet', bank: 'ICBC' },
  { code: 'ICBC-370200', parent: 'ICBC', level: 'city', bank: 'ICBC' },
  { code: 'QDB', parent: null, level: 'head', bank: 'QDB' },
  { code: 'QDB-370300', parent: 'QDB', level: 'city', bank: 'QDB' },
] as const;

export async function insertTestUnits(dataSource: DataSource): Promise<void> {
  for (const u of TEST_UNITS) {
    await dataSource.query(
      `INSERT INTO institution (code, name, parent_code, level, bank_code, peer_group, region_code, tech_specialist, opened_on)
       VALUES (?, ?, ?, ?, ?, 'state', '370100', 0, '2000-01-01')`,
      [u.code, `unit ${u.code}`, u.parent, u.level, u.bank],
    );
  }
  const parentOf = new Map<string, string | null>(TEST_UNITS.map((u) => [u.code, u.parent]));
  for (const u of TEST_UNITS) {
    let depth = 0;
    for (let a: string | null = u.code; a; a = parentOf.get(a) ?? null, depth++) {
      await dataSource.query('INSERT INTO institution_closure (ancestor_code, descendant_code, depth) VALUES (?, ?, ?)', [a, u.code, depth]);
    }
  }
}
