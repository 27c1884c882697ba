import ExcelJS from 'exceljs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunResponse, SchemeListResponse } from '@sci/shared';
import { findChromium } from '../support/browser';
import { tempDir } from '../support/databases';
import { apiJson, apiLogin } from './support/api';
import { launch, newPage, settled, shot, signIn, visit } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const executablePath = findChromium();

/** Fills a number field of the draft editor and leaves it, as a user typing does. */
async function setField(page: Page, path: string, value: number): Promise<void> {
  const input = page.locator(`[data-field="${path}"] input`);
  await input.fill(String(value));
  await input.press('Tab');
}

// Registered only when a Chromium exists (findChromium() printed why not, or threw under CI=true).
if (executablePath) {
  describe('policy lab in Chromium', () => {
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
    const token = (username: string): Promise<string> => {
      const l = server.logins.find((x) => x.username === username)!;
      return apiLogin(server.baseUrl, l.username, l.password);
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

    it('should let a regulator draft, simulate 2025Q4, download the comparison and publish a version that a run of its period uses', async () => {
      const page = await as('regulator');
      await visit(page, '/policy-lab');
      await page.fill('[data-testid=new-name]', '更严的良好线');
      await page.click('[data-testid=new-base]');
      await page.click('nz-option-item:has-text("sdtf-2025 v1")');
      await page.click('[data-testid=create-draft]');
      await page.waitForSelector('[data-testid=editor]');

      // validation as the user types, next to the field
      await setField(page, 'grades.good.min', 95);
      await page.waitForSelector('[data-field="grades.good.min"] .problem');
      expect(await page.textContent('[data-field="grades.good.min"] .problem')).toContain('strictly descending');
      expect(await page.textContent('[data-testid=validity]')).toMatch(/1/);
      await shot(page, 'lab-01-invalid-field');
      await setField(page, 'grades.good.min', 85);
      // and an easier certification: lower C8 and C4 lines
      await setField(page, 'certification.C8.composite_min', 65);
      await setField(page, 'certification.C4.K1_min', 0);
      await setField(page, 'certification.C4.K5_min', 0);
      await page.waitForFunction(() => !document.querySelector('[data-field] .problem'));
      await page.click('[data-testid=save-draft]');
      await page.waitForSelector('[data-testid=save-draft][disabled]');

      await page.click('[data-testid=sim-period]');
      await page.click('nz-option-item:has-text("2025Q4")');
      await page.click('[data-testid=run-simulation]');
      await page.waitForSelector('[data-testid=grade-changes] tbody tr', { timeout: 120_000 });
      await settled(page);
      const changed = await page.locator('[data-testid=grade-changes] tbody tr').count();
      expect(changed).toBeGreaterThan(0);
      // raising the 良好 line moves units from 良好 down to 合格
      expect(await page.textContent('[data-testid=grade-changes] tbody tr >> nth=0')).toContain('良好');
      await shot(page, 'lab-02-simulation-zh');
      expect(await page.locator('[data-testid=outcome-changes] tbody tr').count()).toBeGreaterThan(0);
      expect(await page.textContent('[data-testid=sensitivity]')).toContain('C8 综合得分下限');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-simulation]')]);
      const file = join(tempDir(), 'simulation.xlsx');
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['grades', 'grade_changes', 'rank_moves', 'certification', 'by_bank', 'by_city', 'sensitivity']);
      expect(wb.getWorksheet('grade_changes')!.rowCount).toBeGreaterThan(1);

      await page.fill('[data-testid=effective-from]', '2025Q4');
      await page.fill('[data-testid=reason]', '提高良好线与认定得分线');
      await page.click('[data-testid=publish-draft]');
      await page.waitForSelector('[data-testid=publish]', { state: 'detached' });

      const t = await token('regulator');
      const versions = await apiJson<SchemeListResponse>(server.baseUrl, t, '/schemes');
      const adopted = versions.items.find((v) => v.effectiveFrom === '2025Q4');
      expect(adopted).toMatchObject({ schemeId: 'sdtf-2025', reason: '提高良好线与认定得分线' });
      const { runId } = await apiJson<{ runId: number }>(server.baseUrl, t, '/runs', { method: 'POST', body: { period: '2025Q4' } });
      let run: RunResponse;
      for (;;) {
        run = await apiJson<RunResponse>(server.baseUrl, t, `/runs/${runId}`);
        if (run.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(run).toMatchObject({ status: 'succeeded', schemeId: 'sdtf-2025', schemeVersion: adopted!.version });
      // an earlier period keeps the version it had
      const q3 = await apiJson<{ runId: number }>(server.baseUrl, t, '/runs', { method: 'POST', body: { period: '2025Q3' } });
      for (;;) {
        run = await apiJson<RunResponse>(server.baseUrl, t, `/runs/${q3.runId}`);
        if (run.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(run.schemeVersion).not.toBe(adopted!.version);
    }, 300_000);

    it('should show on the scheme page what the published version changed, in words', async () => {
      const page = await as('admin');
      await visit(page, '/admin');
      await page.click('.ant-tabs-tab:has-text("评估方案")');
      await page.waitForSelector('[data-testid=scheme-changes] li');
      const text = await page.textContent('[data-testid=scheme-changes]');
      expect(text).toContain('等级「良好」最低综合得分：75 → 85');
      expect(text).toContain('C8 综合得分下限：75 → 65');
      expect(text).not.toContain('grades.good.min');
      await shot(page, 'lab-04-scheme-changes-zh');
    });

    it('should show the lab in English and at 1024 px', async () => {
      const page = await as('regulator', 1024);
      await page.evaluate(() => localStorage.setItem('sci.lang', 'en'));
      await visit(page, '/policy-lab');
      await page.click('[data-draft] >> nth=0');
      await page.waitForSelector('[data-testid=editor]');
      expect(await page.textContent('[data-testid=editor]')).toContain('weight (points)');
      await shot(page, 'lab-03-editor-en-1024');
    });

    it('should keep drafts from bank HQ users', async () => {
      const t = await token('icbc_hq');
      await expect(apiJson(server.baseUrl, t, '/scheme-drafts')).rejects.toThrow(/403/);
      const page = await as('icbc_hq');
      expect(await page.$$eval('[data-nav]', (els) => els.map((e) => e.getAttribute('data-nav')))).not.toContain('nav.policyLab');
      await page.goto('/policy-lab');
      await page.waitForSelector('[data-testid=nav]');
      expect(await page.$('[data-testid=drafts]')).toBeNull();
    });
  });
}
