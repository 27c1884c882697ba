import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  GRADES,
  MESSAGES,
  type ExerciseResponse,
  type Grade,
  type PeriodListResponse,
  type ResultsPageResponse,
} from '@sci/shared';
import { findChromium } from '../support/browser';
import { apiJson, apiLogin } from './support/api';
import { SCREENSHOTS, launch, settled, shot, signIn } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * The dashboard's layout and wording at the three office screen sizes, in both languages
 * (issue #15): a screenshot of each page at each size, no page wider than the window, the
 * overview's counts equal to what the API says, and no English server text on a Chinese screen.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;
const LANGS = ['zh-CN', 'en'] as const;
type Lang = (typeof LANGS)[number];

const PAGES = [
  {
    name: 'overview',
    path: '/overview',
    ready: '[data-testid=kpis] [data-testid=kpi-units]',
  },
  {
    name: 'ranking',
    path: '/ranking',
    ready: '[data-testid=ranking-table] tr[data-unit]',
  },
  {
    name: 'unit',
    path: '/units/ICBC-370100',
    ready: '[data-testid=unit-summary]',
  },
  {
    name: 'certification',
    path: '/certification',
    ready: 'app-page-head',
    prepare: pickEvaluatedYear,
  },
] as {
  name: string;
  path: string;
  ready: string;
  prepare?: (page: Page) => Promise<void>;
}[];

/** The certification page on the demo's evaluated year (2025), on its evaluation tab. */
async function pickEvaluatedYear(page: Page): Promise<void> {
  await page.click('[data-testid=cert-year]');
  await page.click('.ant-select-item-option >> text=2025');
  await settled(page);
  await page.waitForSelector('[data-testid=cert-evaluation] tr[data-unit]');
}

/** Elements whose text must fit: header cells, KPIs, the movement card, the certification steps. */
const SPILL =
  'th, .kpi .label, .kpi .sub, .moves span, .mini td, .ant-steps-item-title, .lbl';

/** Texts of the API's English messages, cut at the first placeholder (what a leak would show). */
const ENGLISH_SERVER_TEXTS = Object.values(MESSAGES)
  .map((m) => m.en.split('{')[0].trim())
  .filter((t) => t.length >= 12);

/** Visible text nodes of the page (inside the app, not hidden). */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (!el.getClientRects().length) continue;
      out.push(text);
    }
    return out;
  });
}

/**
 * What spills out of its box sideways: text that runs past its element (an ellipsis is a cut,
 * allowed, with the whole text in a title) and sort arrows that sit outside their header cell.
 */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => {
    const out: string[] = [];
    for (const el of els) {
      if (!el.getClientRects().length) continue;
      const s = getComputedStyle(el);
      // the last pinned column draws its shadow outside itself (an ::after): not spilled text
      const shadowed = el.matches(
        '.ant-table-cell-fix-left-last, .ant-table-cell-fix-right-first',
      );
      if (
        !shadowed &&
        el.scrollWidth > el.clientWidth + 1 &&
        s.textOverflow !== 'ellipsis' &&
        s.overflowX === 'visible'
      ) {
        out.push(`text: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
      const sorter = el.matches('th')
        ? el.querySelector('.ant-table-column-sorter')
        : null;
      if (sorter) {
        const cell = el.getBoundingClientRect();
        const icon = sorter.getBoundingClientRect();
        if (
          icon.width &&
          (icon.right > cell.right + 0.5 || icon.left < cell.left - 0.5)
        ) {
          out.push(`sorter: ${(el.textContent ?? '').trim().slice(0, 40)}`);
        }
      }
    }
    return out;
  });
}

const executablePath = findChromium();

if (executablePath) {
  describe('dashboard layout in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    let token: string;
    const contexts: BrowserContext[] = [];

    const open = async (
      username: string,
      lang: Lang,
      size: { width: number; height: number } = SIZES[0],
    ): Promise<Page> => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: size,
        locale: lang,
      });
      contexts.push(context);
      await context.addInitScript(
        (l) => localStorage.setItem('sci.lang', l),
        lang,
      );
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const l = server.logins.find((x) => x.username === username);
      if (!l) throw new Error(`no demo login ${username}`);
      await signIn(page, l.username, l.password);
      return page;
    };

    beforeAll(async () => {
      server = await startServer();
      browser = await launch(executablePath);
      const reg = server.logins.find((l) => l.username === 'regulator');
      token = await apiLogin(server.baseUrl, 'regulator', reg?.password ?? '');
    }, 300_000);

    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const p of PAGES) {
      for (const lang of LANGS) {
        it(`should lay out ${p.name} in ${lang} at 1440, 1280 and 1024 px without sideways scrolling`, async () => {
          const page = await open('regulator', lang);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            await page.goto(p.path);
            await page.waitForSelector(p.ready);
            await settled(page);
            await p.prepare?.(page);
            await shot(page, `layout-${p.name}-${lang}-${size.width}`);
            if (p.name === 'unit') {
              // the peer box plots and the explanation at full size, to read them
              const charts = page.locator('.grid-2 app-chart');
              if ((await charts.count()) > 1) {
                await charts.nth(1).screenshot({
                  path: `${SCREENSHOTS}/layout-unit-box-${lang}-${size.width}.png`,
                });
              }
              await page.locator('[data-testid=explain-table]').screenshot({
                path: `${SCREENSHOTS}/layout-unit-explain-${lang}-${size.width}.png`,
              });
            }
            const width = await page.evaluate(
              () => document.documentElement.scrollWidth,
            );
            expect({ size: size.width, width }).toEqual({
              size: size.width,
              width: size.width,
            });
            expect({
              size: size.width,
              spilled: await overflowing(page, SPILL),
            }).toEqual({
              size: size.width,
              spilled: [],
            });
          }
        });
      }
    }

    describe('overview', () => {
      it('should show the grade counts, the grade movement and the certified count the API gives', async () => {
        const periods = await apiJson<PeriodListResponse>(
          server.baseUrl,
          token,
          '/periods',
        );
        const published = periods.items.filter((x) => x.latestPublishedRun);
        const [cur, prev] = published;
        const all = async (
          runId: number,
        ): Promise<Map<string, Grade | null>> => {
          const out = new Map<string, Grade | null>();
          for (let pageNo = 1; ; pageNo++) {
            const r = await apiJson<ResultsPageResponse>(
              server.baseUrl,
              token,
              `/results?runId=${runId}&pageSize=500&page=${pageNo}`,
            );
            for (const u of r.items) out.set(u.code, u.scored ? u.grade : null);
            if (pageNo * 500 >= r.total) return out;
          }
        };
        const now = await all(cur.latestPublishedRun!.id);
        const expected: Record<string, number> = { units: now.size };
        for (const g of GRADES)
          expected[g] = [...now.values()].filter((x) => x === g).length;
        expected['scored'] = GRADES.reduce((s, g) => s + expected[g], 0);

        const page = await open('regulator', 'zh-CN');
        await page.goto('/overview');
        await page.waitForSelector('[data-testid=kpi-units]');
        await settled(page);
        const kpi = async (id: string): Promise<number> =>
          Number(
            (
              (await page.textContent(`[data-testid=kpi-${id}] .value`)) ?? ''
            ).replace(/[^\d]/g, ''),
          );
        for (const id of ['units', 'scored', ...GRADES]) {
          expect({ id, n: await kpi(id) }).toEqual({ id, n: expected[id] });
        }

        // certified: confirmed decisions only; recommendations counted apart
        const ex = await apiJson<{ items: ExerciseResponse[] }>(
          server.baseUrl,
          token,
          '/certification',
        );
        const latest = ex.items.find((e) =>
          ['evaluated', 'decided', 'published'].includes(e.status),
        );
        if (latest) {
          expect(
            Number(await page.textContent('[data-testid=kpi-certified]')),
          ).toBe(latest.counts.confirmed);
          expect(
            Number(await page.textContent('[data-testid=kpi-recommended]')),
          ).toBe(
            latest.counts.byOutcome.certify + latest.counts.byOutcome.retain,
          );
        }

        if (prev) {
          const before = await all(prev.latestPublishedRun!.id);
          let up = 0;
          let down = 0;
          let same = 0;
          for (const [code, g] of now) {
            const a = before.get(code);
            if (!g || !a) continue;
            if (a === g) same++;
            else if (GRADES.indexOf(g) < GRADES.indexOf(a)) up++;
            else down++;
          }
          const n = async (id: string): Promise<number> =>
            Number(
              (
                (await page.textContent(`[data-testid=moves-${id}]`)) ?? ''
              ).replace(/[^\d]/g, ''),
            );
          expect({
            up: await n('up'),
            down: await n('down'),
            unchanged: await n('unchanged'),
          }).toEqual({
            up,
            down,
            unchanged: same,
          });
        }
        await shot(page, 'layout-overview-counts', false);
      });
    });

    describe('ranking board', () => {
      it('should keep identity and flags on screen, choose columns and name classes in K headers', async () => {
        const page = await open('regulator', 'en', SIZES[0]);
        await page.goto('/ranking?level=&show=value');
        await page.waitForSelector('[data-testid=ranking-table] tr[data-unit]');
        await settled(page);
        const flags = await page.$('[data-testid=col-flags]');
        const box = await flags!.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
        await page.hover('th[data-class=K3]');
        await page.waitForSelector('.ant-tooltip-inner');
        expect(await page.textContent('.ant-tooltip-inner')).toMatch(/^K3 \S+/);
        await shot(page, 'layout-ranking-values-en-1440', false);
        await page.click('[data-testid=columns]');
        await page.click('[data-testid=column-menu] [data-col=classes]');
        // the table re-renders after the choice's change detection: wait for it, then check
        await page.waitForSelector('th[data-class=K1]', { state: 'detached', timeout: 10000 }).catch(() => undefined);
        expect(await page.$('th[data-class=K1]')).toBeNull();
        await page.click('[data-testid=column-menu] [data-col=classes]');
        await page.waitForSelector('th[data-class=K1]', { timeout: 10000 }).catch(() => undefined);
        expect(await page.$('th[data-class=K1]')).not.toBeNull();
      });
    });

    describe('certification', () => {
      it('should name the unit and its code in the detail drawer', async () => {
        const page = await open('regulator', 'en', SIZES[2]);
        await page.goto('/certification');
        await page.waitForSelector('[data-testid=cert-year]');
        await settled(page);
        await pickEvaluatedYear(page);
        const row = await page.$('[data-testid=cert-evaluation] tr[data-unit]');
        const code = await row!.getAttribute('data-unit');
        const name = (
          await row!.$eval('.name', (el) => el.textContent ?? '')
        ).trim();
        await row!.$eval('td.acts button', (b) =>
          (b as HTMLButtonElement).click(),
        );
        await page.waitForSelector('.ant-drawer-title');
        expect(await page.textContent('.ant-drawer-title')).toContain(
          `${code} ${name}`,
        );
        await settled(page);
        await shot(page, 'layout-certification-drawer-en-1024', false);
      });
    });

    describe('admin', () => {
      it('should validate the user form only after typing, never offer to disable oneself, and log in words', async () => {
        const page = await open('admin', 'zh-CN', SIZES[2]);
        await page.goto('/admin');
        await page.waitForSelector('[data-testid=users-table] tr[data-user]');
        await settled(page);
        expect(await page.$('[data-testid=user-problem]')).toBeNull();
        await page.fill('[data-testid=user-create] input >> nth=0', 'newbie');
        await page.waitForSelector('[data-testid=user-problem]');
        expect(
          await page.$(
            '[data-testid=users-table] tr[data-user=admin] [data-testid=self]',
          ),
        ).not.toBeNull();
        expect(
          await page.$$(
            '[data-testid=users-table] tr[data-user=admin] button[nz-popconfirm]',
          ),
        ).toHaveLength(0);
        await shot(page, 'layout-admin-users-zh-CN-1024', false);
        await page.click('.ant-tabs-tab:nth-child(3)');
        await page.waitForSelector('[data-testid=audit-table] tbody tr');
        await settled(page);
        const text =
          (await page.textContent('[data-testid=audit-table]')) ?? '';
        expect(text).toContain('登录');
        expect(text).not.toMatch(/auth\.login|\{"/);
        expect(
          await page.$('[data-testid=audit-dates].ant-picker'),
        ).not.toBeNull();
        expect(await page.$('input[type=date]')).toBeNull();
        await shot(page, 'layout-admin-audit-zh-CN-1024', false);
      });
    });

    describe('server messages', () => {
      it('should show no English server message on a Chinese screen, a refusal included', async () => {
        const page = await open('qdb_hq', 'zh-CN');
        for (const path of [
          '/units/ICBC-370100',
          '/banks/ICBC',
          '/ranking',
          '/certification',
        ]) {
          await page.goto(path);
          await page.waitForSelector('[data-testid=nav]');
          await settled(page);
          const texts = await visibleTexts(page);
          const leaks = texts.filter(
            (t) =>
              ENGLISH_SERVER_TEXTS.some((e) =>
                t.toLowerCase().includes(e.toLowerCase()),
              ) || /\b[a-z]{2,} [a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(t),
          );
          expect({ path, leaks }).toEqual({ path, leaks: [] });
        }
        await page.goto('/units/ICBC-370100');
        await settled(page);
        await shot(page, 'layout-refusal-zh', false);
      });
    });
  });
}
