import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PLANT_UNITS } from '../../api/src/generator/signals-plant';
import { findChromium } from '../support/browser';
import {
  SCREENSHOTS,
  attrs,
  launch,
  newPage,
  settled,
  shot,
  signIn,
  visit,
} from './support/browser';
import { type RunningServer, startServer } from './support/server';

const executablePath = findChromium();

/**
 * Integrity signals in the browser (issue 13), on the demo province the server seeds (the
 * generator plants every pattern): the regulator filters the list to window dressing and opens
 * the unit's driving loan rows; a bank HQ sees its own bank's signals only.
 */
if (executablePath) {
  describe('integrity signals in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext | undefined;

    const as = async (
      username: string,
      opts: { lang?: 'en'; width?: number } = {},
    ): Promise<Page> => {
      const s = await newPage(browser, server.baseUrl);
      context = s.context;
      if (opts.lang)
        await s.context.addInitScript(() =>
          localStorage.setItem('sci.lang', 'en'),
        );
      if (opts.width)
        await s.page.setViewportSize({ width: opts.width, height: 900 });
      const l = server.logins.find((x) => x.username === username);
      if (!l) throw new Error(`no demo login ${username}`);
      await signIn(s.page, l.username, l.password);
      return s.page;
    };

    beforeAll(async () => {
      server = await startServer();
      browser = await launch(executablePath);
    }, 300_000);

    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('should let the regulator filter to window dressing, open the unit and see the driving loan rows', async () => {
      const page = await as('regulator');
      await visit(page, '/signals');
      const before = await attrs(
        page,
        '[data-testid=signals-table] tr[data-kind]',
        'data-kind',
      );
      expect(new Set(before).size).toBeGreaterThan(1);
      await shot(page, '60-signals-list');
      await page.click('[data-testid=filter-kind]');
      await page.click('.ant-select-item-option:has-text("冲时点（单期）")');
      await page.waitForURL(/kind=window_dressing/);
      await settled(page);
      expect(
        await attrs(
          page,
          '[data-testid=signals-table] tr[data-kind]',
          'data-kind',
        ),
      ).toEqual(['window_dressing']);
      expect(
        await attrs(
          page,
          '[data-testid=signals-table] tr[data-kind]',
          'data-code',
        ),
      ).toEqual([PLANT_UNITS.window_dressing]);
      await shot(page, '61-signals-window-dressing');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=signals-export]'),
      ]);
      expect(download.suggestedFilename()).toBe('signals-2025Q4.csv');
      await page.click('[data-testid=signal-unit]');
      await page.waitForURL(
        new RegExp(`/units/${PLANT_UNITS.window_dressing}$`),
      );
      await page.waitForSelector(
        '[data-testid=unit-signals] [data-kind=window_dressing] tr[data-loan]',
      );
      const loans = await attrs(
        page,
        '[data-testid=unit-signals] [data-kind=window_dressing] tr[data-loan]',
        'data-loan',
      );
      expect(loans).toHaveLength(2);
      expect(loans.every((n) => n.startsWith('P'))).toBe(true);
      await page
        .locator('[data-testid=unit-signals]')
        .screenshot({ path: `${SCREENSHOTS}/62-unit-signals-panel.png` });
    });

    it('should show a bank HQ only its own bank in the signals list and the quality board', async () => {
      const page = await as('icbc_hq');
      await visit(page, '/signals');
      const codes = await attrs(
        page,
        '[data-testid=signals-table] tr[data-code]',
        'data-code',
      );
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((c) => c.startsWith('ICBC-'))).toBe(true);
      await shot(page, '63-bank-signals');
      await visit(page, '/quality');
      expect(
        await attrs(page, '[data-testid=quality-board] tbody tr', 'data-bank'),
      ).toEqual(['ICBC']);
      await shot(page, '64-bank-quality');
    });

    it('should mark quality cells and open a cell with the units behind it', async () => {
      const page = await as('regulator');
      await visit(page, '/quality');
      const banks = await attrs(
        page,
        '[data-testid=quality-board] tbody tr',
        'data-bank',
      );
      expect(banks.length).toBeGreaterThan(10);
      await page.click(
        '[data-testid=quality-board] tr[data-bank=PSBC] td[data-period="2025Q4"]',
      );
      await page.waitForSelector('[data-testid=quality-detail]');
      expect(await page.textContent('[data-testid=quality-detail]')).toContain(
        'PSBC-371700-09',
      );
      await shot(page, '65-quality-board');
    });

    it('should render the pages in English and at 1024 px wide', async () => {
      const page = await as('regulator', { lang: 'en', width: 1024 });
      await visit(page, '/signals');
      expect(await page.textContent('h1')).toContain('Integrity signals');
      await shot(page, '66-signals-en-1024');
      await visit(page, '/quality');
      await shot(page, '67-quality-en-1024');
      await visit(page, `/units/${PLANT_UNITS.window_dressing}`);
      await page.waitForSelector('[data-testid=unit-signals] tr[data-loan]');
      await page
        .locator('[data-testid=unit-signals]')
        .screenshot({ path: `${SCREENSHOTS}/68-unit-signals-en-1024.png` });
    });
  });
}
