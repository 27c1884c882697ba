import { existsSync } from 'fs';

/**
 * The Chromium for browser suites: CHROME_PATH or Debian's /usr/bin/chromium.
 * Locally an absent browser is one line on stderr; with CI=true it is a failure.
 */
export function findChromium(): string | null {
  const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p)) ?? null;
  if (!found) {
    if (process.env['CI'] === 'true') throw new Error('CI=true but no Chromium found (set CHROME_PATH or install chromium)');
    process.stderr.write('Browser suite skipped: no Chromium (set CHROME_PATH or install Debian chromium)\n');
  }
  return found;
}
