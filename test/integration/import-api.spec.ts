import { readFileSync } from 'fs';
import { join } from 'path';
import type { ImportBatchListResponse, ImportBatchResponse } from '@sci/shared';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { authHeaders, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { FIXTURES } from '../support/fixtures';

const SD_SMALL = join(FIXTURES, 'sd-small');
const FILES = ['institutions.csv', 'enterprises.csv', 'qualifications.csv', 'loans.csv', 'qualitative.csv', 'penalties.csv', 'applications.csv', 'decisions.csv'];

function form(files: { name: string; bytes: Buffer | string }[]): FormData {
  const f = new FormData();
  for (const file of files) f.append('files', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)]), file.name);
  return f;
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('ImportController on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let ds: DataSource;
  let token: string;

  beforeAll(async () => {
    const fresh = await db.fresh();
    ds = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, ds, { UPLOAD_LIMIT_MB: '3' }));
    token = (await signInAs(baseUrl, ds, { role: 'regulator' })).token;
  });

  afterAll(async () => {
    // closing the app closes its DataSource too
    await app?.close();
    if (ds?.isInitialized) await ds.destroy();
  });

  async function waitFor(id: number): Promise<ImportBatchResponse> {
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${baseUrl}/imports/${id}`, { headers: authHeaders(token) });
      const body = (await res.json()) as ImportBatchResponse;
      if (body.status !== 'running') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} still running`);
  }

  const post = (body: FormData, t = token): Promise<Response> => fetch(`${baseUrl}/imports`, { method: 'POST', headers: authHeaders(t), body });

  describe('POST /imports', () => {
    it('should accept a folder of CSV files with 202 and import it in the background', async () => {
      const res = await post(form(FILES.map((name) => ({ name, bytes: readFileSync(join(SD_SMALL, name)) }))));
      expect(res.status).toBe(202);
      const { batchId } = (await res.json()) as { batchId: number };
      const done = await waitFor(batchId);
      expect(done).toMatchObject({ status: 'succeeded', errorCount: 0, errors: [], counts: { institutions: 346, loans: 19904, decisions: 18 } });
      expect(done.processedRows).toBe(done.totalRows);
      const list = (await (await fetch(`${baseUrl}/imports`, { headers: authHeaders(token) })).json()) as ImportBatchListResponse;
      expect(list.items[0]).toMatchObject({ id: batchId, status: 'succeeded' });
    });

    it('should record a rejected batch with its errors, also as errors.csv', async () => {
      const bad = 'institution_code,decided_on,kind,reference\nICBC,2025-02-30,penalty,X1\nNOPE,2025-01-01,fine,X2\n';
      const res = await post(form([{ name: 'penalties.csv', bytes: bad }]));
      expect(res.status).toBe(202);
      const done = await waitFor(((await res.json()) as { batchId: number }).batchId);
      expect(done.status).toBe('failed');
      expect(done.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(['penalties.csv:2:decided_on', 'penalties.csv:3:kind']);
      const csv = await fetch(`${baseUrl}/imports/${done.id}/errors.csv`, { headers: authHeaders(token) });
      expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
      const text = await csv.text();
      expect(text.replace(/^\uFEFF/, '').split('\n').slice(0, 2)).toEqual(['file,line,column,message', 'penalties.csv,2,decided_on,"""2025-02-30"" is not a calendar date"']);
    });

    it.each([
      ['no file', 400, 'NO_FILES', () => new FormData()],
      ['a .txt file', 415, 'UNSUPPORTED_FILE_TYPE', () => form([{ name: 'loans.txt', bytes: 'x' }])],
      ['a file over UPLOAD_LIMIT_MB', 413, 'PAYLOAD_TOO_LARGE', () => form([{ name: 'loans.csv', bytes: Buffer.alloc(4 * 1024 * 1024, 0x41) }])],
    ])('should refuse %s with %d %s', async (_what, status, code, body) => {
      const res = await post(body());
      expect(res.status).toBe(status);
      await expect(res.json()).resolves.toMatchObject({ statusCode: status, code });
    });

    it('should refuse a bank user (403) and an anonymous caller (401)', async () => {
      await ds.query("INSERT INTO institution (code, name, parent_code, level, bank_code, peer_group, region_code, tech_specialist, opened_on) SELECT 'ZZB', 'x', NULL, 'head', 'ZZB', 'other', '370100', 0, '2000-01-01' WHERE NOT EXISTS (SELECT 1 FROM institution WHERE code = 'ZZB')");
      const bank = await signInAs(baseUrl, ds, { role: 'bank_hq', bankCode: 'ZZB' });
      const body = () => form([{ name: 'penalties.csv', bytes: 'institution_code,decided_on,kind,reference\n' }]);
      expect((await post(body(), bank.token)).status).toBe(403);
      expect((await fetch(`${baseUrl}/imports`, { method: 'POST', body: body() })).status).toBe(401);
      expect((await fetch(`${baseUrl}/imports`, { headers: authHeaders(bank.token) })).status).toBe(403);
    });
  });

  describe('GET /imports/:id', () => {
    it('should answer an unknown batch with 404 and a bad id with 400', async () => {
      const missing = await fetch(`${baseUrl}/imports/987654`, { headers: authHeaders(token) });
      expect(missing.status).toBe(404);
      await expect(missing.json()).resolves.toMatchObject({ code: 'IMPORT_NOT_FOUND' });
      expect((await fetch(`${baseUrl}/imports/abc`, { headers: authHeaders(token) })).status).toBe(400);
    });
  });
});
