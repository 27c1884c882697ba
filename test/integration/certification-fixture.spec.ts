import type { INestApplication } from '@nestjs/common';
import type {
  CertifiedListResponse,
  ExerciseResponse,
  RunResponse,
} from '@sci/shared';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { authHeaders, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { FIXTURES } from '../support/fixtures';

/**
 * The exercise on the sd-small fixture as imported (applications and the 2024 register from the
 * files): the API's evaluation of 2025 equals certification-2025.csv, whichever database stores
 * it; the rules of the timeline answer 4xx with a code, never 500.
 */
const EXPECTED = readFileSync(
  join(FIXTURES, 'sd-small-expected', 'certification-2025.csv'),
  'utf8',
);
const EXPECTED_LINES = EXPECTED.trimEnd().split('\n');

describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'certification on the sd-small fixture on %s',
  (_name, db) => {
    let app: INestApplication;
    let baseUrl: string;
    let dataSource: DataSource;
    let regulator: string;
    let icbc: string;

    async function call(
      token: string,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{
      status: number;
      text: string;
      json: <T = Record<string, unknown>>() => T;
      buffer: Buffer;
    }> {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: authHeaders(
          token,
          body === undefined ? {} : { 'content-type': 'application/json' },
        ),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const buffer = Buffer.from(await res.arrayBuffer());
      const text = buffer.toString('utf8');
      return {
        status: res.status,
        text,
        buffer,
        json: <T>() => JSON.parse(text) as T,
      };
    }

    beforeAll(async () => {
      process.env['API_RATE_LIMIT'] = '0';
      const fresh = await db.fresh();
      dataSource = fresh.dataSource;
      ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
      const imported = await app
        .get(ImportService)
        .importDirectory(resolve(FIXTURES, 'sd-small'), 'test');
      if (imported.status !== 'succeeded')
        throw new Error(`import ${imported.status}`);
      // only 2025Q4 is published: the evaluation scores 2024Q4 itself for the two-year rule
      const runs = app.get(RunsService);
      await runs.publishAs(
        (
          await runs.runNow({
            period: '2025Q4',
            trigger: 'user',
            triggeredBy: 'test',
          })
        ).id,
        'test',
      );
      regulator = (await signInAs(baseUrl, dataSource, { role: 'regulator' }))
        .token;
      icbc = (
        await signInAs(baseUrl, dataSource, {
          role: 'bank_hq',
          bankCode: 'ICBC',
        })
      ).token;
    });

    afterAll(async () => {
      delete process.env['API_RATE_LIMIT'];
      await app.close();
      await dataSource.destroy().catch(() => undefined);
    });

    it('should list the imported 2024 register as published, scoped for a bank', async () => {
      const all = (
        await call(regulator, 'GET', '/certification/2024/list')
      ).json<CertifiedListResponse>();
      expect(all).toMatchObject({
        year: 2024,
        published: true,
        publishedAt: null,
      });
      expect(all.items).toHaveLength(18);
      expect(
        all.items.every((i) => i.recommendation === null && i.newlyCertified),
      ).toBe(true);
      const mine = (
        await call(icbc, 'GET', '/certification/2024/list')
      ).json<CertifiedListResponse>();
      expect(mine.items.map((i) => i.institutionCode)).toEqual([
        'ICBC-370100-STAR',
        'ICBC-370300-01',
        'ICBC-370600-01',
        'ICBC-371700-01',
      ]);
      expect(
        (await call(regulator, 'GET', '/certification/2023/list')).json(),
      ).toMatchObject({ published: false, items: [] });
    });

    it('should evaluate 2025 to exactly certification-2025.csv, scoring 2024Q4 without publishing it', async () => {
      await call(regulator, 'POST', '/certification/2025/open');
      await call(regulator, 'POST', '/certification/2025/close');
      const ev = await call(regulator, 'POST', '/certification/2025/evaluate');
      expect(ev.status).toBe(200);
      const ex = ev.json<ExerciseResponse>();
      expect(ex.counts.evaluated).toBe(EXPECTED_LINES.length - 1);
      const prev = (
        await call(regulator, 'GET', `/runs/${ex.previousRunId}`)
      ).json<RunResponse>();
      expect(prev).toMatchObject({
        period: '2024Q4',
        status: 'succeeded',
        published: false,
      });
      const csv = await call(
        regulator,
        'GET',
        '/certification/2025/export?format=csv',
      );
      expect(csv.status).toBe(200);
      expect(csv.text).toBe(EXPECTED);
    });

    it('should serve the same table as XLSX, and only its own units to a bank', async () => {
      const xlsx = await call(
        regulator,
        'GET',
        '/certification/2025/export?format=xlsx',
      );
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.buffer as unknown as ArrayBuffer);
      const rows: string[] = [];
      wb.worksheets[0].eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map(String).join(',')),
      );
      expect(rows).toEqual(EXPECTED_LINES);
      const mine = (await call(icbc, 'GET', '/certification/2025/export')).text
        .trimEnd()
        .split('\n');
      expect(mine).toEqual(
        EXPECTED_LINES.filter((l, i) => i === 0 || l.startsWith('2025,ICBC-')),
      );
    });

    it('should give the same evaluation when evaluated again (stable), until a decision exists', async () => {
      expect(
        (await call(regulator, 'POST', '/certification/2025/evaluate')).status,
      ).toBe(200);
      expect(
        (await call(regulator, 'GET', '/certification/2025/export')).text,
      ).toBe(EXPECTED);
      const d = await call(
        regulator,
        'POST',
        '/certification/2025/decisions/ICBC-370100-STAR',
        { decision: 'reject', reason: 'test' },
      );
      expect(d.status).toBe(200);
      await expect(
        call(regulator, 'POST', '/certification/2025/evaluate'),
      ).resolves.toMatchObject({ status: 409 });
      expect(
        (await call(regulator, 'POST', '/certification/2025/evaluate')).json(),
      ).toMatchObject({ code: 'DECISIONS_EXIST' });
    });

    it('should answer the timeline rules with 4xx codes', async () => {
      expect(
        (await call(regulator, 'POST', '/certification/2025/open')).json(),
      ).toMatchObject({ code: 'EXERCISE_STATE' });
      expect(
        (await call(regulator, 'POST', '/certification/2025/publish')).json(),
      ).toMatchObject({ code: 'DECISIONS_PENDING' });
      expect(
        (await call(regulator, 'POST', '/certification/2025')).json(),
      ).toMatchObject({ code: 'EXERCISE_EXISTS' });
      await expect(
        call(regulator, 'GET', '/certification/2030'),
      ).resolves.toMatchObject({ status: 404 });
      expect(
        (await call(regulator, 'GET', '/certification/20x5')).json(),
      ).toMatchObject({ code: 'YEAR_INVALID' });
      expect(
        (await call(regulator, 'GET', '/certification/2030/export')).status,
      ).toBe(404);
      expect(
        (await call(regulator, 'POST', '/certification/2026')).status,
      ).toBe(201);
      expect(
        (await call(regulator, 'POST', '/certification/2026/close')).json(),
      ).toMatchObject({ code: 'EXERCISE_STATE' });
      expect(
        (await call(regulator, 'GET', '/certification/2026/export')).json(),
      ).toMatchObject({ code: 'NOT_EVALUATED' });
      await call(regulator, 'POST', '/certification/2026/open');
      await call(regulator, 'POST', '/certification/2026/close');
      const refused = (
        await call(regulator, 'POST', '/certification/2026/evaluate')
      ).json();
      expect(refused).toMatchObject({
        code: 'PREVIOUS_NOT_PUBLISHED',
        message: expect.stringContaining('2025'),
      });
    });
  },
);
