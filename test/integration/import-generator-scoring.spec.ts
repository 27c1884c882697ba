import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { DEMO_DATASET } from '../../api/src/import/demo-dataset.seeder';
import { generateProvince } from '../../api/src/generator/generator';
import { DORMANT_UNIT, NEW_UNIT, NOTECH_UNITS, NPL_UNIT, STAR_UNITS } from '../../api/src/generator/units';
import { tempDir } from '../support/databases';

/**
 * The demo province meets the edge cases it is made for, through the real scoring and
 * certification (the `evaluate` and `certify` commands on the built bundle, as npm test builds it).
 */
const CLI = resolve(__dirname, '../../dist/api/cli.js');

function cli(args: string[]): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the API first (npx nx build api)`);
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`cli ${args[0]} failed (${r.status}): ${r.stderr}`);
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('generateProvince (demo dataset) scored', () => {
  const dir = join(tempDir(), 'demo');
  let results: Map<string, Record<string, string>>;
  let certification: Map<string, Record<string, string>>;

  beforeAll(() => {
    generateProvince(dir, DEMO_DATASET);
    const res = join(tempDir(), 'results.csv');
    const cert = join(tempDir(), 'certification.csv');
    cli(['evaluate', '--data', dir, '--period', '2025Q4', '--out', res]);
    cli(['certify', '--data', dir, '--year', '2025', '--out', cert]);
    results = new Map(readCsv(res).map((r) => [r['institution_code'], r]));
    certification = new Map(readCsv(cert).map((r) => [r['institution_code'], r]));
  });

  it('should have star units that pass every certification check (certify, or retain when certified last year)', () => {
    expect(certification.get(STAR_UNITS[1])).toMatchObject({ outcome: 'certify', C1: 'Y', C2: 'Y', C3: 'Y', C4: 'Y', C5: 'Y', C6: 'Y', C7: 'Y', C8: 'Y' });
    expect(certification.get(STAR_UNITS[0])).toMatchObject({ outcome: 'retain' });
    // the near miss: everything but the mechanisms (C2)
    expect(certification.get(STAR_UNITS[2])).toMatchObject({ C2: 'N', C3: 'Y', C4: 'Y', C7: 'Y' });
    expect([...certification.values()].some((r) => r['outcome'] === 'delist')).toBe(true);
  });

  it('should have the scoring edge cases: NPL over tolerance, veto, missing and inherited qualitative, new and dormant units', () => {
    expect(results.get(NPL_UNIT)?.['flags']).toContain('NPL_OVER_TOLERANCE');
    expect(results.get('CCB-370900-01')?.['flags']).toContain('VETO');
    expect(results.get('HSBC')?.['flags']).toContain('QUAL_MISSING');
    expect(results.get('HSBC')?.['flags']).toContain('SMALL_PEER_GROUP');
    expect(results.get(NEW_UNIT)?.['flags']).toContain('NO_BASELINE');
    expect(results.has(DORMANT_UNIT)).toBe(false);
    expect(NOTECH_UNITS.map(([code]) => Number(results.get(code)?.['k1']))).toEqual([0, 0, 0]);
    expect([...results.values()].some((r) => r['flags'].includes('QUAL_INHERITED'))).toBe(true);
  });
});
