import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { SCHEME_SDTF_2025, type Scheme } from '@sci/shared';
import { tempDir } from '../support/databases';
import { FIXTURES } from '../support/fixtures';
import { type Check, deriveCertification, deriveVariantA, deriveVariantB, isScored, readCsv, readDataset, type Row, toCsv } from '../schemes/derive';
import { diffResults, expectedResults } from './results-compare';

/**
 * `evaluate` and `certify` with `--scheme <file.json>` (a fixed interface used by automated
 * checks), run as a separate process on the built bundle. Two variants of the default scheme
 * (test/schemes/) change every kind of parameter between them; what they must give is derived
 * by hand from the default results and the dataset files (test/schemes/derive.ts), never from the
 * engine.
 */
const CLI = resolve(__dirname, '../../dist/api/cli.js');
const DATA = join(FIXTURES, 'sd-small');
const SCHEMES = resolve(__dirname, '../schemes');
/** a byte copy of the published spec/scheme-sdtf-2025.json */
const DEFAULT_SCHEME = join(SCHEMES, 'default.json');

const load = (file: string): Scheme => JSON.parse(readFileSync(file, 'utf8')) as Scheme;
const base = load(DEFAULT_SCHEME);
const variantA = load(join(SCHEMES, 'variant-a.json'));
const variantB = load(join(SCHEMES, 'variant-b.json'));
const data = readDataset(DATA);

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the API first (npx nx build api)`);
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The output file of a successful CLI command, as text. */
function run(command: 'evaluate' | 'certify', args: string[]): string {
  const out = join(tempDir(), `${command}.csv`);
  const r = cli([command, '--data', DATA, ...args, '--out', out]);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return readFileSync(out, 'utf8');
}

const evaluate = (period: string, scheme?: string): string => run('evaluate', ['--period', period, ...(scheme ? ['--scheme', join(SCHEMES, scheme)] : [])]);
const certify = (year: number, scheme?: string): string => run('certify', ['--year', String(year), ...(scheme ? ['--scheme', join(SCHEMES, scheme)] : [])]);
const byCode = (rows: Row[]): Map<string, Row> => new Map(rows.map((r) => [r['institution_code'], r]));
const changed = (a: Row[], b: Row[], col: string): string[] => {
  const m = byCode(b);
  return a.filter((r) => m.get(r['institution_code'])?.[col] !== r[col]).map((r) => r['institution_code']);
};

describe('evaluate --scheme (CLI)', () => {
  const defaultQ4 = readCsv(expectedResults('2025Q4'));

  it('should give the default results with the published default scheme file', () => {
    expect(diffResults(evaluate('2025Q4', 'default.json'), expectedResults('2025Q4'))).toEqual([]);
    expect(load(DEFAULT_SCHEME)).toEqual(SCHEME_SDTF_2025);
  });

  describe('variant A: weights, peer share and floor, peer-group minimum, tolerances, grade bands, qualitative points', () => {
    const expected = deriveVariantA(defaultQ4.rows, variantA, base, data);
    let actual: string;
    beforeAll(() => {
      actual = evaluate('2025Q4', 'variant-a.json');
    });

    it('should score every unit as derived by hand from the default results', () => {
      expect(diffResults(actual, toCsv(defaultQ4.header, expected), 50)).toEqual([]);
    });

    it('should keep every indicator value and change scores, grades and ranks where the derivation says', () => {
      const rows = readCsv(actual).rows;
      const kOnly = (rs: Row[]): Row[] => rs.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => /^(period|institution_code|level|peer_group|k\d+)$/.test(c))));
      const kHeader = defaultQ4.header.filter((c) => /^(period|institution_code|level|peer_group|k\d+)$/.test(c));
      expect(diffResults(toCsv(kHeader, kOnly(rows)), toCsv(kHeader, kOnly(defaultQ4.rows)))).toEqual([]);
      const scored = rows.filter(isScored).length;
      // every scored unit's K1 score moves (weight 10 -> 12, f from peers only): a literal would not
      expect(changed(rows, defaultQ4.rows, 's1').length).toBeGreaterThan(scored * 0.9);
      expect(changed(rows, defaultQ4.rows, 'grade')).toEqual(changed(expected, defaultQ4.rows, 'grade'));
      expect(changed(rows, defaultQ4.rows, 'grade').length).toBeGreaterThan(10);
      // peer_group_min_size 12: more groups are small than with 5
      const small = (rs: Row[]): number => rs.filter((r) => r['flags'].includes('SMALL_PEER_GROUP')).length;
      expect(small(rows)).toBeGreaterThan(small(defaultQ4.rows));
    });

    it('should depend on equality_tolerance: H with 1e-9 instead of 1e-3 gives other scores', () => {
      const strict = deriveVariantA(defaultQ4.rows, { ...variantA, equality_tolerance: base.equality_tolerance }, base, data);
      expect(diffResults(toCsv(defaultQ4.header, strict), actual, 1000).length).toBeGreaterThan(0);
    });
  });

  describe('variant B: trend bands, trend quarters, K9 floor, K3 and K10 parameters, qualitative weights, veto, NPL cap', () => {
    let expected: Row[];
    let actual: string;
    beforeAll(() => {
      const q3 = readCsv(evaluate('2025Q3')).rows;
      const q2 = readCsv(expectedResults('2025Q2')).rows;
      expected = deriveVariantB(defaultQ4.rows, [q3, q2], variantB, base, data, '2025-12-31');
      actual = evaluate('2025Q4', 'variant-b.json');
    });

    it('should reproduce the default qualitative points with the hand derivation of the block search', () => {
      // guards the derivation itself: with the default weights it must give the default points
      const same = deriveVariantB(defaultQ4.rows, [[], []], { ...variantB, qualitative: base.qualitative }, base, data, '2025-12-31');
      const m = byCode(defaultQ4.rows);
      for (const r of same.filter(isScored)) expect(Number(r['qualitative'])).toBeCloseTo(Number(m.get(r['institution_code'])!['qualitative']), 9);
    });

    it('should score every unit as derived by hand from the default results of 2025Q4, Q3 and Q2', () => {
      expect(diffResults(actual, toCsv(defaultQ4.header, expected), 50)).toEqual([]);
    });

    it('should change the veto, NPL flags and grades exactly where the new window, kinds and band say', () => {
      const rows = byCode(readCsv(actual).rows);
      const flags = (code: string): string[] => rows.get(code)!['flags'].split(';');
      // default: three vetoes within 365 days of both kinds; B: 300 days, penalty only
      expect(flags('CITIC-370800')).not.toContain('VETO');
      expect(byCode(defaultQ4.rows).get('CITIC-370800')!['flags']).toContain('VETO');
      expect(flags('CCB-370900-01')).toContain('VETO');
      expect(flags('ICBC-371000-01')).toContain('VETO');
      // the NPL cap is now `improve`: no unit over the tolerance keeps a better grade
      const over = [...rows.values()].filter((r) => r['flags'].includes('NPL_OVER_TOLERANCE'));
      expect(over.length).toBeGreaterThan(0);
      for (const r of over) expect(r['grade']).toBe('improve');
    });

    it('should read two quarters of history (trend_quarters 2), not three', () => {
      const q3 = readCsv(evaluate('2025Q3')).rows;
      const q2 = readCsv(expectedResults('2025Q2')).rows;
      const q1 = readCsv(evaluate('2025Q1')).rows;
      const three = deriveVariantB(defaultQ4.rows, [q3, q2, q1], { ...variantB, peer_trend: { ...variantB.peer_trend, trend_quarters: 3 } }, base, data, '2025-12-31');
      expect(diffResults(toCsv(defaultQ4.header, three), actual, 1000).length).toBeGreaterThan(0);
    });
  });

  describe('certify --scheme', () => {
    const defaults = readCsv(readFileSync(join(FIXTURES, 'sd-small-expected', 'certification-2025.csv'), 'utf8'));

    it('should give the default export byte for byte with the published default scheme file', () => {
      expect(certify(2025, 'default.json')).toBe(readFileSync(join(FIXTURES, 'sd-small-expected', 'certification-2025.csv'), 'utf8'));
    });

    it.each([
      // variant A: C4, C6, C8 thresholds, upgrade minimums, delist line; composites of variant A
      ['variant-a.json', variantA, ['C4', 'C6', 'C8']],
      // variant B: C1 staff, C2 FTP cap and approval limit, C5 K3_min, C7 flags, C8 on B's composites
      ['variant-b.json', variantB, ['C1', 'C2', 'C5', 'C7', 'C8']],
    ] as [string, Scheme, Check[]][])('should decide %s checks and outcomes as derived by hand', (file, scheme, recompute) => {
      const actual = certify(2025, file);
      const expected = deriveCertification({
        defaults: defaults.rows,
        resultsY: readCsv(evaluate('2025Q4', file)).rows,
        previous: readCsv(certify(2024, file)).rows,
        scheme,
        data,
        year: 2025,
        recompute,
      });
      expect(readCsv(actual).rows).toEqual(expected);
      // the variants move outcomes: a threshold read from a literal would leave them all as they were
      const moved = changed(expected, defaults.rows, 'outcome');
      expect(moved.length).toBeGreaterThan(2);
      for (const k of recompute) expect({ check: k, changed: changed(expected, defaults.rows, k).length > 0 }).toEqual({ check: k, changed: true });
    });
  });

  it('should list every validation error of an invalid scheme file on its own line and exit 1', () => {
    const bad = load(DEFAULT_SCHEME) as unknown as Record<string, any>;
    bad['classes']['K1']['weight'] = 15; // the weights no longer sum to 100 with the 20 points
    bad['grades'][1]['min'] = 95; // above the excellent line
    bad['peer_trend']['trend_share'] = 0.5; // 0.6 + 0.5
    const file = join(tempDir(), 'bad-scheme.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(tempDir(), 'never.csv');
    const r = cli(['evaluate', '--data', DATA, '--period', '2025Q4', '--scheme', file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}: peer_trend.peer_share + trend_share: must sum to 1, got 1.1`,
      `${file}: classes.*.weight + qualitative.max_points: must sum to 100, got 105`,
      `${file}: grades[1].min: grade minimums must be strictly descending`,
      `error: --scheme ${file}: 3 validation error(s); nothing was scored`,
    ]);
    expect(existsSync(out)).toBe(false);
    const c = cli(['certify', '--data', DATA, '--year', '2025', '--scheme', file, '--out', out]);
    expect({ status: c.status, stderr: c.stderr }).toEqual({ status: 1, stderr: r.stderr });
  });

  it('should refuse a scheme file that is not JSON or does not exist, in one line', () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{ "id": ');
    const r = cli(['evaluate', '--data', DATA, '--period', '2025Q4', '--scheme', file, '--out', join(tempDir(), 'x.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: --scheme ${file}: not JSON`))]);
    const missing = cli(['certify', '--data', DATA, '--year', '2025', '--scheme', '/nonexistent/s.json', '--out', join(tempDir(), 'x.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: --scheme \/nonexistent\/s\.json: cannot read it \(ENOENT\)\n$/);
  });
});
