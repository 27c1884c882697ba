import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExplainResponse } from '@sci/shared';
import { findChromium } from '../support/browser';
import { apiImport, apiJson, apiLogin, apiScoreAndPublish } from './support/api';
import { launch, newPage, settled, shot, signIn, visit } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * A bank whose unit names are markup, imported through the API like any bank's data: every page
 * that shows names must render them as text (no element created, no handler run), in tables and
 * in chart tooltips (ECharts writes tooltips as HTML).
 */
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const HOSTILE_CITY = '<b onmouseover="window.__xss=2">恶意分行</b>';
const PERIOD = '2026Q1';

function hostileBank(uscc: string): { name: string; text: string }[] {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const inst = [
    'code,name,parent_code,level,bank_code,peer_group,region_code,tech_specialist,opened_on',
    `EVIL,${q(HOSTILE)},,head,EVIL,other,370100,N,2020-01-01`,
    `EVIL-370100,${q(HOSTILE_CITY)},EVIL,city,EVIL,other,370100,N,2020-01-01`,
    `EVIL-370100-01,${q(HOSTILE + '支行')},EVIL-370100,outlet,EVIL,other,370100,N,2020-01-01`,
  ];
  const loans = [
    'period,loan_no,institution_code,uscc,issue_date,maturity_date,amount,balance,rate,guarantee,risk_class,first_loan',
    `${PERIOD},EV1,EVIL-370100-01,${uscc},2026-01-15,2029-01-15,5000000.00,4000000.00,3.8500,credit,normal,Y`,
    `${PERIOD},EV2,EVIL-370100,${uscc},2026-02-15,2029-02-15,3000000.00,3000000.00,4.1000,credit,normal,N`,
  ];
  return [
    { name: 'institutions.csv', text: inst.join('\n') + '\n' },
    { name: 'loans.csv', text: loans.join('\n') + '\n' },
  ];
}

/** Nothing the names carry became an element or ran. */
async function assertInert(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss ?? null,
    imgs: Array.from(document.querySelectorAll('img')).filter((i) => i.getAttribute('src') === 'x').length,
    handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
  }));
  expect({ where, ...found }).toEqual({ where, xss: null, imgs: 0, handlers: 0 });
}

const executablePath = findChromium();

if (executablePath) {
  describe('hostile unit names in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext | undefined;
    let regLogin: { username: string; password: string };

    beforeAll(async () => {
      server = await startServer();
      browser = await launch(executablePath);
      const admin = server.logins.find((l) => l.role === 'admin');
      const reg = server.logins.find((l) => l.role === 'regulator');
      if (!admin || !reg) throw new Error('no demo admin / regulator');
      regLogin = reg;
      const adminToken = await apiLogin(server.baseUrl, admin.username, admin.password);
      const regToken = await apiLogin(server.baseUrl, reg.username, reg.password);
      const ex = await apiJson<ExplainResponse>(server.baseUrl, regToken, '/results/ICBC-370100/explain?period=2025Q4');
      const batch = await apiImport(server.baseUrl, adminToken, hostileBank(ex.topBorrowers[0].uscc));
      expect(batch).toMatchObject({ status: 'succeeded', errorCount: 0 });
      await apiScoreAndPublish(server.baseUrl, regToken, PERIOD);
    }, 400_000);

    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const asUser = async (who: { username: string; password: string }, lang: 'zh-CN' | 'en', width = 1440): Promise<Page> => {
      const s = await newPage(browser, server.baseUrl);
      context = s.context;
      if (lang === 'en') await s.context.addInitScript(() => localStorage.setItem('sci.lang', 'en'));
      await s.page.setViewportSize({ width, height: 900 });
      await signIn(s.page, who.username, who.password);
      return s.page;
    };
    const asRegulator = (lang: 'zh-CN' | 'en', width = 1440): Promise<Page> => asUser(regLogin, lang, width);
    const demo = (username: string): { username: string; password: string } => {
      const l = server.logins.find((x) => x.username === username);
      if (!l) throw new Error(`no demo login ${username}`);
      return l;
    };
    const VIEWS = [['zh-CN', 1440], ['en', 1440], ['zh-CN', 1024], ['en', 1024]] as const;

    it("should show a bank user its peer group's quartiles without whiskers or extremes", async () => {
      const q = demo('qdb_hq');
      const summary = await apiJson<{ units: { code: string; level: string }[] }>(
        server.baseUrl,
        await apiLogin(server.baseUrl, q.username, q.password),
        '/banks/QDB/summary?period=2025Q4',
      );
      const city = summary.units.find((u) => u.level === 'city')?.code;
      expect(city).toBeDefined();
      for (const [lang, width] of VIEWS) {
        const page = await asUser(q, lang, width);
        await visit(page, '/banks/QDB');
        // the hostile bank's 2026Q1 is the latest period; QDB is scored in 2025Q4
        await page.click('[data-testid=period-picker]');
        await page.click('nz-option-item[title="2025Q4"]');
        await settled(page);
        // the 2025Q4 summary replaces the 2026Q1 one (where QDB has no score) once it arrives
        await page.waitForSelector('.strip .box');
        expect(await page.$('.strip .whisker')).toBeNull();
        const legend = (await page.textContent('.strip-legend')) ?? '';
        expect(legend).toContain('Q1');
        expect(legend).not.toMatch(/min|max/);
        await shot(page, `h4-bank-qdb-${lang}-${width}`);
        // in-app navigation keeps the chosen period (a reload would go back to the latest)
        await page.click(`a[href*="/units/${city}"]`);
        await page.waitForURL(new RegExp(`/units/${city}`));
        await settled(page);
        await page.waitForSelector('app-chart canvas');
        await shot(page, `h4-unit-qdb-${lang}-${width}`);
        await context?.close();
        context = undefined;
      }
    });

    it('should offer an admin only bank roles and a regulator only the privileged ones', async () => {
      for (const [who, roles] of [['admin', ['bank_hq', 'branch']], ['regulator', ['regulator', 'admin']]] as const) {
        for (const [lang, width] of VIEWS) {
          const page = await asUser(demo(who), lang, width);
          await visit(page, '/admin');
          await page.click('[data-testid=user-create] nz-select');
          // the dropdown renders its options after the click's change detection
          await page.waitForSelector('nz-option-item');
          const options = await page.$$eval('nz-option-item', (els) => els.map((e) => e.getAttribute('title') ?? e.textContent ?? ''));
          expect(options).toHaveLength(roles.length);
          await page.keyboard.press('Escape');
          await page.fill('[data-testid=user-create] input[type=password]', 'Password123');
          await page.fill('[data-testid=user-create] input:not([type=password])', 'probe_user');
          if (who === 'regulator') {
            // the shared rule's own reason, in the page's language (zxcvbn loaded lazily)
            await page.waitForFunction(() => /guess|猜/.test(document.querySelector('[data-testid=user-create] .problem')?.textContent ?? ''));
            const problem = (await page.textContent('[data-testid=user-create] .problem')) ?? '';
            expect(problem).toMatch(lang === 'en' ? /too easy to guess/ : /太容易被猜中/);
          }
          await shot(page, `h4-admin-users-${who}-${lang}-${width}`);
          await context?.close();
          context = undefined;
        }
      }
    });

    it.each([
      ['ranking', `/ranking?period=${PERIOD}&level=outlet`],
      ['ranking-city', `/ranking?period=${PERIOD}&level=city`],
      ['unit', `/units/EVIL-370100-01?period=${PERIOD}`],
      ['bank', `/banks/EVIL?period=${PERIOD}`],
      ['banks', `/banks?period=${PERIOD}`],
    ])('should show the names on the %s page as text', async (name, path) => {
      const page = await asRegulator('zh-CN');
      await visit(page, path);
      await assertInert(page, name);
      const text = (await page.textContent('body')) ?? '';
      expect(text.includes('<img src=x') || text.includes('恶意分行')).toBe(true);
      await shot(page, `h4-hostile-${name}`);
    });

    it('should keep the bank heatmap tooltip inert while it shows the name', async () => {
      for (const [lang, width] of [['zh-CN', 1440], ['en', 1440], ['zh-CN', 1024]] as const) {
        const page = await asRegulator(lang, width);
        await visit(page, `/banks/EVIL?period=${PERIOD}`);
        // hover down the charts until a tooltip with a unit name appears (charts draw after the data)
        await page.waitForSelector('app-chart canvas');
        let tooltip = '';
        for (let attempt = 0; attempt < 4 && !tooltip.includes('EVIL'); attempt++) {
          await page.waitForTimeout(800);
          for (const chart of await page.$$('app-chart')) {
            const box = await (await chart.$('canvas'))?.boundingBox();
            if (!box) continue;
            for (let y = box.y + 30; y < box.y + box.height - 5 && !tooltip.includes('EVIL'); y += 12) {
              await page.mouse.move(box.x + box.width * 0.45, y);
              await page.waitForTimeout(60);
              tooltip = await chart.evaluate((el) => Array.from(el.querySelectorAll('div')).map((d) => d.textContent ?? '').join(' | '));
            }
            if (tooltip.includes('EVIL')) break;
          }
        }
        expect(tooltip).toContain('EVIL');
        expect(tooltip).toMatch(/<img src=x|<b onmouseover/);
        await assertInert(page, `bank heatmap tooltip ${lang} ${width}`);
        await shot(page, `h4-hostile-bank-tooltip-${lang}-${width}`, false);
        await context?.close();
        context = undefined;
      }
    });
  });
}
