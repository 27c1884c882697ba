import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { usccProblem } from '../import/validate/uscc';
import { checkGenerateOptions, generateProvince } from './generator';
import { makeUscc, organisationCode } from './enterprises';
import { Prng } from './prng';

const FILES = ['institutions.csv', 'enterprises.csv', 'qualifications.csv', 'loans.csv', 'qualitative.csv', 'penalties.csv', 'applications.csv', 'decisions.csv'];
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sci-gen-'));

describe('generateProvince', () => {
  const opts = { seed: 42, scale: 0.05, first: '2024Q4', last: '2025Q4' };

  it('should write the same bytes for the same seed and different ones for another seed', () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    generateProvince(a, opts);
    generateProvince(b, opts);
    generateProvince(c, { ...opts, seed: 43 });
    for (const f of FILES) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    expect(readFileSync(join(c, 'loans.csv'), 'utf8')).not.toBe(readFileSync(join(a, 'loans.csv'), 'utf8'));
  });

  it('should give every enterprise a valid, unique USCC and every period a snapshot', () => {
    const dir = tmp();
    const summary = generateProvince(dir, opts);
    const usccs = readFileSync(join(dir, 'enterprises.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(usccs.filter((u) => usccProblem(u) !== null)).toEqual([]);
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(Object.keys(summary.loansPerPeriod)).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(Object.values(summary.loansPerPeriod).every((n) => n > 0)).toBe(true);
  });

  it('should scale the loan rows: about 25,000 a quarter at scale 1', () => {
    const summary = generateProvince(tmp(), { ...opts, scale: 1, first: '2025Q4', last: '2025Q4' });
    expect(summary.loansPerPeriod['2025Q4']).toBeGreaterThan(20000);
    expect(summary.loansPerPeriod['2025Q4']).toBeLessThan(32000);
  });
});

describe('checkGenerateOptions', () => {
  it.each([
    [{ seed: -1, scale: 1, first: '2024Q4', last: '2025Q4' }, /--seed/],
    [{ seed: 1, scale: 0, first: '2024Q4', last: '2025Q4' }, /--scale/],
    [{ seed: 1, scale: 1, first: '2024Q5', last: '2025Q4' }, /--first/],
    [{ seed: 1, scale: 1, first: '2025Q4', last: '2024Q4' }, /after/],
  ])('should reject %j', (o, message) => {
    expect(checkGenerateOptions(o)).toMatch(message);
  });
});

describe('makeUscc', () => {
  it('should build codes that pass the GB 32100 and GB 11714 checks', () => {
    // 11 - (0 mod 11) = 11 maps to "0"; 00000001: 11 - 2 = 9
    expect([organisationCode(0), organisationCode(1)]).toEqual(['000000000', '000000019']);
    for (let i = 0; i < 1000; i++) expect(usccProblem(makeUscc('370100', i, 17))).toBeNull();
  });
});

describe(Prng.name, () => {
  it('should repeat its sequence for a seed', () => {
    const a = new Prng(5);
    const b = new Prng(5);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
