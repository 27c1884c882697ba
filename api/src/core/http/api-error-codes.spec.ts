import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGES, placeholders } from '@sci/shared';
import { CODES } from './http-exception.filter';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** The text of the object literal around position i (from its `{` to the matching `}`). */
function enclosingObject(text: string, i: number): string {
  let depth = 0;
  let start = i;
  for (; start >= 0; start--) {
    if (text[start] === '}') depth++;
    else if (text[start] === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  depth = 0;
  let end = i;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}') {
      if (depth === 0) break;
      depth--;
    }
  }
  return text.slice(start, end + 1);
}

interface Site {
  file: string;
  code: string;
  object: string;
}

/** Every error body in api/src: an object with a literal `code` and a `message`. */
function errorSites(): Site[] {
  const out: Site[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bcode: '([A-Z][A-Z0-9_]*)'/g)) {
      const object = enclosingObject(text, m.index);
      if (/\bmessage[:,\s]/.test(object))
        out.push({ file: relative(SRC, file), code: m[1], object });
    }
  }
  return out;
}

const sites = errorSites();

describe('API error codes', () => {
  it('should find the error bodies of the API (the scan itself works)', () => {
    expect(sites.length).toBeGreaterThan(50);
    expect(sites.map((s) => s.code)).toEqual(
      expect.arrayContaining(['UNIT_NOT_FOUND', 'USERNAME_TAKEN', 'INTERNAL']),
    );
  });

  it.each(sites.map((s) => [s.code, s.file, s] as const))(
    'should have a zh-CN and an English text for %s (%s)',
    (code) => {
      expect(MESSAGES[code]?.zh).toBeTruthy();
      expect(MESSAGES[code]?.en).toBeTruthy();
    },
  );

  it.each(Object.values(CODES))(
    'should have texts for the status fallback %s',
    (code) => {
      expect(MESSAGES[code]).toBeDefined();
    },
  );

  it.each(
    sites
      .filter(
        (s) => MESSAGES[s.code] && placeholders(MESSAGES[s.code].en).length,
      )
      .map((s) => [s.code, s.file, s] as const),
  )(
    'should send every param the text of %s needs (%s)',
    (_code, _file, site) => {
      const params = /params: \{([^}]*)\}/.exec(site.object)?.[1] ?? '';
      const given = params
        .split(',')
        .map((p) => p.split(':')[0].trim())
        .filter(Boolean);
      expect(given).toEqual(
        expect.arrayContaining(placeholders(MESSAGES[site.code].en)),
      );
    },
  );
});
