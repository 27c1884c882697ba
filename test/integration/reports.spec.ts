import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { BankSummaryResponse } from '@sci/shared';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

/** Text of a PDF as poppler reads it (checks that the CJK font is embedded with its Unicode map). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
  });
}

describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'PDF reports on %s',
  (_name, db) => {
    let app: INestApplication;
    let baseUrl: string;
    let dataSource: DataSource;
    let hq: string;
    let branch: string;
    let regulator: string;

    const fetchAs = (path: string, token: string): Promise<Response> =>
      fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });

    beforeAll(async () => {
      // the batch test polls health while it waits; the per-address rate limit is not under test here
      process.env['API_RATE_LIMIT'] = '0';
      const fresh = await db.fresh();
      dataSource = fresh.dataSource;
      ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
      expect(
        (await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test'))
          .status,
      ).toBe('succeeded');
      const runs = app.get(RunsService);
      for (const period of ['2025Q3', '2025Q4'])
        await runs.publishAs(
          (await runs.runNow({ period, trigger: 'user', triggeredBy: 'test' }))
            .id,
          'test',
        );
      hq = (
        await signInAs(baseUrl, dataSource, {
          role: 'bank_hq',
          bankCode: 'ICBC',
        })
      ).token;
      branch = (
        await signInAs(baseUrl, dataSource, {
          role: 'branch',
          unitCode: 'ICBC-370100',
        })
      ).token;
      regulator = (await signInAs(baseUrl, dataSource, { role: 'regulator' }))
        .token;
    }, 120_000);

    afterAll(async () => {
      delete process.env['API_RATE_LIMIT'];
      await app.close();
    });

    it('should give a unit its evaluation report as an A4 PDF in words, with page numbers, run and scheme', async () => {
      const res = await fetchAs(
        '/reports/units/ICBC-370100?period=2025Q4',
        branch,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain('科技金融服务效果评估结果 · 2025Q4');
      expect(text).toContain('十类核心指标');
      expect(text).toMatch(/高于同组 \d+% 的机构/);
      expect(text).toMatch(/方案 sdtf-2025 第 1 版/);
      expect(text).toMatch(/第 1 \/ \d+ 页/);
      expect(text).not.toMatch(/\bH\s*=|\bV\s*=/);
      const info = execFileSync('pdfinfo', ['-'], {
        input: pdf,
        encoding: 'utf8',
      });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const fonts = execFileSync('pdffonts', ['-'], {
        input: pdf,
        encoding: 'utf8',
      });
      expect(fonts).toMatch(/NotoSansSC/);
    });

    it('should write the report in English on request', async () => {
      const res = await fetchAs(
        '/reports/units/ICBC-370100?period=2025Q4&lang=en',
        branch,
      );
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain('Sci-tech finance evaluation result · 2025Q4');
      expect(text).toMatch(/page 1 \/ \d+/);
    });

    it('should answer 404 for a unit outside the scope, as the screens do', async () => {
      expect(
        (await fetchAs('/reports/units/ICBC-370200?period=2025Q4', branch))
          .status,
      ).toBe(404);
      expect(
        (await fetchAs('/reports/banks/QDB/batch?period=2025Q4', hq)).status,
      ).toBe(404);
    });

    it('should give the regulator the province report: distribution, cities, top and bottom, movements', async () => {
      const res = await fetchAs('/reports/province?period=2025Q4', regulator);
      expect(res.status).toBe(200);
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      for (const part of [
        '科技金融服务效果评估 · 全省情况 · 2025Q4',
        '等级分布',
        '各市市级分行',
        '济南',
        '前十名（市级分行）',
        '后十名（市级分行）',
      ])
        expect(text).toContain(part);
      expect(text).toContain('较上季度变化最大的机构（2025Q3 → 2025Q4）');
      expect(
        (await fetchAs('/reports/province?period=2025Q4', hq)).status,
      ).toBe(403);
    });

    it('should set the published certification list of a year as a formal document', async () => {
    const res = await fetchAs('/reports/certification/2024', regulator);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('2024 年度科技金融特色机构认定名单');
    expect(text).toContain('序号');
    expect(text).toMatch(/第 1 \/ \d+ 页/);
    expect((await fetchAs('/reports/certification/2031', regulator)).status).toBe(404);
  });

  it('should batch every unit report of a bank in one zip without blocking the API', async () => {
      const summary = (await (
        await fetchAs('/banks/ICBC/summary?period=2025Q4', hq)
      ).json()) as BankSummaryResponse;
      // the app runs in this process: its event loop is this one
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const t0 = performance.now();
      const res = await fetchAs('/reports/banks/ICBC/batch?period=2025Q4', hq);
      const zipped = Buffer.from(await res.arrayBuffer());
      const ms = performance.now() - t0;
      delay.disable();
      expect(res.status).toBe(200);
      const zip = await JSZip.loadAsync(zipped);
      const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
      expect(names.sort()).toEqual(
        [
          `ICBC-2025Q4.pdf`,
          ...summary.units.map((u) => `units/${u.code}-2025Q4.pdf`),
        ].sort(),
      );
      const bankPdf = zip.file('ICBC-2025Q4.pdf');
      expect(bankPdf).not.toBeNull();
      const bank = pdfText(
        await (bankPdf as JSZip.JSZipObject).async('nodebuffer'),
      );
      expect(bank).toContain('各机构排名');
      const p99 = delay.percentile(99) / 1e6;
      process.stderr.write(
        `bank batch ICBC on ${db.name}: ${names.length} PDFs in ${ms.toFixed(0)} ms; event-loop delay p99 ${p99.toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms\n`,
      );
      // rendering on the main thread would hold the loop ~0.25 s for every PDF; in the worker the
      // loop only waits for the reads
      expect(p99).toBeLessThan(150);
    }, 120_000);
  },
);
