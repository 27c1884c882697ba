import type { Browser, BrowserContext } from 'playwright-core';
import { findChromium } from '../support/browser';
import { launch, newPage, settled, shot, signIn, visit } from './support/browser';
import { RunningServer, startServer } from './support/server';

/**
 * The imports page shows each import error in the reader's language, from the error's code and
 * parameters (shared IMPORT_MESSAGES), not the server's English text (issue 15 for imports).
 */
const executablePath = findChromium();
const maybe = executablePath ? describe : describe.skip;

maybe('imports page messages', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(executablePath!);
  }, 300_000);

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should render an import error in zh-CN and in English, at 1024 px too', async () => {
    const s = await newPage(browser, server.baseUrl);
    context = s.context;
    const page = s.page;
    const l = server.logins.find((x) => x.role === 'regulator')!;
    await signIn(page, l.username, l.password);
    await visit(page, '/imports');
    await page.setInputFiles('[data-testid=import-file]', {
      name: 'penalties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('institution_code,decided_on,kind,reference\nNO-SUCH-UNIT,2025-01-01,penalty,A1\n', 'utf8'),
    });
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-status][data-status=failed]', { timeout: 60_000 });
    await settled(page);
    const message = (): Promise<string | null> => page.textContent('[data-testid=import-error-message]');
    expect(await message()).toBe('未知机构 NO-SUCH-UNIT（本次导入的 institutions 和数据库中都没有）');
    await shot(page, 'imports-error-zh');
    await page.setViewportSize({ width: 1024, height: 800 });
    await shot(page, 'imports-error-zh-1024');
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await message()).toBe('unknown unit NO-SUCH-UNIT (not in institutions of this import or the database)');
    await shot(page, 'imports-error-en-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'imports-error-en');
  }, 180_000);
});
