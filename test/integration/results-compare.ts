import { parse } from 'csv-parse/sync';
import { readFileSync } from 'fs';
import { resolve } from 'path';

/**
 * Comparison of a Results export with the expected one, as the automated checks do it: same
 * header, same rows in the same order, numbers within 1e-6 relative, flags as sets, everything
 * else exact. Returns the differences (empty when equal), at most `limit`.
 */
export const FIXTURE_DIR = resolve(__dirname, '../fixtures/sd-small');
export const EXPECTED_DIR = resolve(__dirname, '../fixtures/sd-small-expected');

const NUMERIC = /^(k\d+|s\d+|quantitative|qualitative|composite|rank_level|rank_peer|rank_bank)$/;

export function readCsvRows(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
}

export function expectedResults(period: string): string {
  return readFileSync(resolve(EXPECTED_DIR, `results-${period}.csv`), 'utf8');
}

export function diffResults(actualCsv: string, expectedCsv: string, limit = 20): string[] {
  const [ah, ...a] = readCsvRows(actualCsv);
  const [eh, ...e] = readCsvRows(expectedCsv);
  const out: string[] = [];
  if (ah.join(',') !== eh.join(',')) return [`header ${ah.join(',')} != ${eh.join(',')}`];
  if (a.length !== e.length) out.push(`${a.length} rows, expected ${e.length}`);
  for (let i = 0; i < Math.min(a.length, e.length) && out.length < limit; i++) {
    for (let j = 0; j < eh.length; j++) {
      const col = eh[j];
      const x = a[i][j];
      const y = e[i][j];
      let same: boolean;
      if (col === 'flags') {
        same = [...new Set(x.split(';').filter(Boolean))].sort().join(';') === [...new Set(y.split(';').filter(Boolean))].sort().join(';');
      } else if (NUMERIC.test(col) && x !== '' && y !== '') {
        const fx = Number(x);
        const fy = Number(y);
        same = Number.isFinite(fx) && Math.abs(fx - fy) <= 1e-6 * Math.max(1, Math.abs(fy));
      } else {
        same = x === y;
      }
      if (!same) out.push(`row ${i + 2} (${e[i][1]}) ${col}: ${JSON.stringify(x)} expected ${JSON.stringify(y)}`);
    }
  }
  return out.slice(0, limit);
}
