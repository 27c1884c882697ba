import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

/**
 * The initial JavaScript of the built web app: every script and modulepreload the index.html
 * references (the esbuild builder preloads exactly the chunks the first render needs), with
 * raw and gzip sizes.
 */
export function initialScripts(
  browserDir: string,
): { file: string; raw: number; gzip: number }[] {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g))
    files.add(m[1]);
  for (const m of html.matchAll(
    /<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g,
  ))
    files.add(m[1]);
  for (const m of html.matchAll(
    /<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g,
  ))
    files.add(m[1]);
  return [...files].map((file) => {
    const path = join(browserDir, file.replace(/^\//, ''));
    const buf = readFileSync(path);
    return {
      file,
      raw: statSync(path).size,
      gzip: gzipSync(buf, { level: 9 }).length,
    };
  });
}
