import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import JSZip from 'jszip';
import { findChromium } from '../support/browser';
import {
  launch,
  newPage,
  SCREENSHOTS,
  settled,
  shot,
  signIn,
  texts,
  visit,
} from './support/browser';
import { apiJson, apiLogin } from './support/api';
import { type RunningServer, startServer } from './support/server';
import type { PeriodInfo, ResultsPageResponse } from '@sci/shared';

/**
 * Issue 14 in the browser: the board's export is what the board shows, reports download as PDF
 * (one page rendered to PNG to look at), the unit page explains in words in both languages, and
 * the period travels in the URL.
 */
const executablePath = findChromium();

if (executablePath) {
  describe('readable results in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext | undefined;

    const as = async (username: string, width = 1440): Promise<Page> => {
      const s = await newPage(browser, server.baseUrl);
      context = s.context;
      await s.page.setViewportSize({ width, height: 900 });
      const l = server.logins.find((x) => x.username === username);
      if (!l) throw new Error(`no demo login ${username}`);
      await signIn(s.page, l.username, l.password);
      return s.page;
    };

    const english = async (page: Page): Promise<void> => {
      await page.evaluate(() => localStorage.setItem('sci.lang', 'en'));
      await page.reload();
      await page.waitForSelector('[data-testid=nav]');
      await settled(page);
    };

    beforeAll(async () => {
      server = await startServer();
      browser = await launch(executablePath);
      mkdirSync(SCREENSHOTS, { recursive: true });
    }, 300_000);

    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('should download the filtered, sorted board as shown, with the same rows and headers', async () => {
      const page = await as('regulator');
      await visit(
        page,
        '/ranking?level=city&grade=good&sort=composite&order=desc&pageSize=200',
      );
      expect(page.url()).toMatch(/period=\d{4}Q\d/);
      const onScreen = await page.$$eval('tr[data-unit]', (rows) =>
        rows.map((r) => r.getAttribute('data-unit') ?? ''),
      );
      expect(onScreen.length).toBeGreaterThan(0);
      await page.click('[data-testid=export]');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=export-readable-csv]'),
      ]);
      const file = join(SCREENSHOTS, 'h7-board.csv');
      await download.saveAs(file);
      const [title, header, ...rows] = readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(title).toMatch(/科技金融服务效果评估结果 · \d{4}Q\d · 运行 #\d+/);
      const headers = header.split(',');
      const screenHeaders = await texts(
        page,
        '[data-testid=ranking-table] thead th',
      );
      for (const h of ['机构代码', '所属银行', '等级', '综合得分'])
        expect(headers).toContain(h);
      expect(screenHeaders.join(' ')).toContain('综合');
      expect(rows.map((r) => r.split(',')[2])).toEqual(onScreen);
      // the board's default columns (no level column): the file has the same ones, not all
      expect(headers).not.toContain('层级');
      expect(screenHeaders).not.toContain('层级');
      const grade = headers.indexOf('等级');
      expect(new Set(rows.map((r) => r.split(',')[grade]))).toEqual(
        new Set(['良好']),
      );
    });

    it('should explain a unit in words in both languages, with the symbols folded away', async () => {
      const page = await as('regulator');
      await visit(page, '/units/ICBC-370100');
      const why = (await texts(page, '[data-testid=why]')).join('\n');
      expect(why).toMatch(/高于同组 \d+% 的机构|同组仅此一家/);
      expect(why).not.toMatch(/\b(H|V|m|f)\s*=|S₀|NA\b/);
      expect(
        await page.$eval(
          '[data-testid=explain-how]',
          (d) => (d as HTMLDetailsElement).open,
        ),
      ).toBe(false);
      expect(await page.textContent('[data-testid=unit-improve]')).toMatch(
        /失 \d+\.\d 分/,
      );
      await shot(page, 'h7-unit-zh');
      await page.setViewportSize({ width: 1024, height: 900 });
      await shot(page, 'h7-unit-zh-1024');
      await english(page);
      const en = (await texts(page, '[data-testid=why]')).join('\n');
      expect(en).toMatch(
        /higher than \d+% of its \d+ peers|alone in its group/,
      );
      expect(await page.textContent('[data-testid=unit-improve]')).toMatch(
        /lost \d+\.\d points/,
      );
      await shot(page, 'h7-unit-en-1024');
      await page.emulateMedia({ media: 'print' });
      await shot(page, 'h7-unit-print');
      expect(
        await page.$eval(
          '[data-testid=nav]',
          (n) => getComputedStyle(n.closest('nz-sider') ?? n).display,
        ),
      ).toBe('none');
    });

    it('should download a unit report PDF and a bank batch, and render a page to PNG', async () => {
      const page = await as('icbc_hq');
      await visit(page, '/units/ICBC-370100');
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=report-pdf]'),
      ]);
      const pdfFile = join(SCREENSHOTS, 'h7-unit-report.pdf');
      await pdf.saveAs(pdfFile);
      expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        pdfFile,
        join(SCREENSHOTS, 'h7-unit-report'),
      ]);
      expect(
        execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }),
      ).toContain('ICBC-370100');
      await visit(page, '/banks/ICBC');
      const [zip] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.click('[data-testid=report-batch]'),
      ]);
      const zipFile = join(SCREENSHOTS, 'h7-bank-batch.zip');
      await zip.saveAs(zipFile);
      const entries = Object.keys(
        (await JSZip.loadAsync(readFileSync(zipFile))).files,
      ).filter((n) => n.endsWith('.pdf'));
      const units = await page.$$eval(
        '[data-unit]',
        (els) => new Set(els.map((e) => e.getAttribute('data-unit'))).size,
      );
      expect(entries.length).toBeGreaterThan(1);
      expect(entries).toContain(
        entries.find((n) => /^ICBC-\d{4}Q\d\.pdf$/.test(n)),
      );
      process.stdout.write(
        `bank batch in the browser: ${entries.length} PDFs (${units} unit rows on the page)\n`,
      );
      const bankPdf = (await JSZip.loadAsync(readFileSync(zipFile))).file(
        /^ICBC-.*\.pdf$/,
      )[0];
      const bankFile = join(SCREENSHOTS, 'h7-bank-report.pdf');
      writeFileSync(bankFile, await bankPdf.async('nodebuffer'));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        bankFile,
        join(SCREENSHOTS, 'h7-bank-report'),
      ]);
    }, 180_000);

    it('should generate every report of the largest bank of the demo province in seconds', async () => {
      const l = server.logins.find((x) => x.role === 'regulator');
      if (!l) throw new Error('no regulator login');
      const token = await apiLogin(server.baseUrl, l.username, l.password);
      const perBank = new Map<string, number>();
      const { items: periods } = await apiJson<{ items: PeriodInfo[] }>(
        server.baseUrl,
        token,
        '/periods',
      );
      const period = periods
        .filter((p) => p.latestPublishedRun)
        .map((p) => p.period)
        .sort()
        .reverse()[0];
      for (let p = 1; ; p++) {
        const page = await apiJson<ResultsPageResponse>(
          server.baseUrl,
          token,
          `/results?period=${period}&pageSize=500&page=${p}`,
        );
        for (const u of page.items)
          perBank.set(u.bankCode, (perBank.get(u.bankCode) ?? 0) + 1);
        if (p * 500 >= page.total) break;
      }
      const [bank, units] = [...perBank].sort((a, b) => b[1] - a[1])[0];
      const t0 = performance.now();
      const res = await fetch(
        `${server.baseUrl}/api/reports/banks/${bank}/batch?period=${period}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
      const ms = performance.now() - t0;
      const pdfs = Object.keys(zip.files).filter((n) =>
        n.endsWith('.pdf'),
      ).length;
      process.stdout.write(
        `largest demo bank ${bank}: ${units} units, ${pdfs} PDFs in ${(ms / 1000).toFixed(1)} s (${(ms / pdfs).toFixed(0)} ms a report)\n`,
      );
      expect(pdfs).toBe(units + 1);
    }, 300_000);

    it('should carry the period into the URL and click through from the overview to the filtered board', async () => {
      const page = await as('regulator');
      await visit(page, '/overview');
      expect(page.url()).toMatch(/period=\d{4}Q\d/);
      const [province] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.click('[data-testid=report-pdf]'),
      ]);
      const provinceFile = join(SCREENSHOTS, 'h7-province-report.pdf');
      await province.saveAs(provinceFile);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        provinceFile,
        join(SCREENSHOTS, 'h7-province-report'),
      ]);
      expect(
        execFileSync('pdftotext', [provinceFile, '-'], { encoding: 'utf8' }),
      ).toContain('等级分布');
      await page.click('[data-kpi=good]');
      await page.waitForURL(/\/ranking\?.*grade=good/);
      await settled(page);
      expect(page.url()).toMatch(/period=\d{4}Q\d/);
      const grades = await page.$$eval('tr[data-unit] app-grade', (els) =>
        els.map((e) => (e.textContent ?? '').trim()),
      );
      expect(grades.length).toBeGreaterThan(0);
      expect(new Set(grades)).toEqual(new Set(['良好']));
      await visit(page, '/overview');
      await page.click('[data-city="370200"]');
      await page.waitForURL(/city=370200/);
      await settled(page);
      // the city column's place depends on the columns shown: find it by its header
      const cities = await page.$$eval(
        '[data-testid=ranking-table] table',
        (tables) => {
          const head = Array.from(tables[0].querySelectorAll('thead th')).map(
            (th) => (th.textContent ?? '').trim(),
          );
          const i = head.indexOf('城市');
          return tables
            .flatMap((t) => Array.from(t.querySelectorAll('tr[data-unit]')))
            .map((r) => (r.children[i]?.textContent ?? '').trim());
        },
      );
      expect(new Set(cities)).toEqual(new Set(['青岛']));
    });

    it('should compare two units and a peer median side by side', async () => {
      const page = await as('regulator');
      await visit(page, '/compare?units=ICBC-370100,ICBC-370200&median=1');
      const cols = await page.$$eval(
        '[data-testid=compare-table] thead th[data-col]',
        (els) => els.map((e) => e.getAttribute('data-col')),
      );
      expect(cols.slice(0, 2)).toEqual(['ICBC-370100', 'ICBC-370200']);
      expect(
        await page.$$('[data-testid=compare-table] tr[data-row]'),
      ).not.toHaveLength(0);
      await shot(page, 'h7-compare-zh');
      await english(page);
      await page.setViewportSize({ width: 1024, height: 900 });
      await shot(page, 'h7-compare-en-1024');
    });
  });
}
