import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

export const SCREENSHOTS = resolve(__dirname, '../screenshots');

export async function launch(executablePath: string): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}

/** A fresh context (own localStorage) at a desktop size a regulator's office screen has. */
export async function newPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

export async function shot(
  page: Page,
  name: string,
  fullPage = true,
): Promise<void> {
  // let chart animations (300 ms) finish so the picture shows the data
  if (await page.$('app-chart canvas')) await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Signs in through the form and waits for the shell. */
export async function signIn(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=nav]');
}

/** Waits until no block of the page is loading (spinners of app-state gone). */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[data-state=loading], .ant-spin-spinning'),
    undefined,
    {
      timeout,
    },
  );
}

/** Goes to a page of the app and waits until its blocks have loaded. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForSelector('[data-testid=nav]');
  await settled(page);
}

/** The texts of every element matching a selector. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) =>
    els.map((e) => (e.textContent ?? '').trim()),
  );
}

/** The values of one attribute of every element matching a selector. */
export async function attrs(
  page: Page,
  selector: string,
  name: string,
): Promise<string[]> {
  return page.$$eval(
    selector,
    (els, n) => els.map((e) => e.getAttribute(n) ?? ''),
    name,
  );
}
