import type { ClassCode } from '../format/enums';
import { aggregate } from './builders.spec-helper';
import { baselineOf, computeIndicators } from './indicators';
import type { UnitLoanAggregate } from './types';

/** S = 8000 yuan of A = 10000 yuan, with every numerator set. */
const FULL: Partial<UnitLoanAggregate> = {
  balanceAll: 1_000_000,
  balanceTech: 800_000,
  balanceTechSme: 200_000,
  balanceTechCreditIp: 400_000,
  balanceTechLong: 600_000,
  balanceTechNpl: 40_000,
  balanceAllNpl: 50_000,
  techBorrowers: 7,
  allBorrowers: 10,
  newTechBorrowers: 4,
  newTechFirstBorrowers: 1,
  // rT = 4.5 %, rA = 4.0 %
  newTechAmount: 100,
  newTechRateAmount: 100 * 45_000,
  newAllAmount: 200,
  newAllRateAmount: 100 * 45_000 + 100 * 35_000,
};

describe('computeIndicators', () => {
  const ind = computeIndicators(aggregate('U', FULL), {
    balanceAll: 500_000,
    balanceTech: 400_000,
  });

  it.each<[ClassCode, number]>([
    ['K1', 8000],
    ['K2', 80],
    // 100 * ((800000/400000 - 1) - (1000000/500000 - 1)) = 0
    ['K3', 0],
    ['K4', 25],
    ['K5', 7],
    ['K6', 25],
    ['K7', 50],
    ['K8', 75],
    ['K9', 50],
    ['K10', 5],
  ])('should compute %s by the section 2 formula', (code, expected) => {
    expect(ind.values[code].value).toBeCloseTo(expected, 12);
  });

  it('should compute NA in percent and BA as a count', () => {
    expect(ind.nplRatioAll).toBe(5);
    expect(ind.allBorrowers).toBe(10);
  });

  it('should give K9 in bp from amount-weighted rates in percent', () => {
    expect(ind.values.K9).toEqual({ value: 100 * (4.5 - 4), numerator: 4.5, denominator: 4 });
  });

  it.each<[string, Partial<UnitLoanAggregate>, ClassCode[], ClassCode[]]>([
    ['A = 0', { rowCount: 0 }, ['K2', 'K4', 'K6', 'K7', 'K8', 'K9', 'K10'], ['K1', 'K5']],
    [
      'S = 0, A > 0',
      { balanceAll: 100 },
      ['K4', 'K7', 'K8', 'K10', 'K6', 'K9'],
      ['K1', 'K2', 'K5'],
    ],
    [
      'new rows but no new tech row',
      { ...FULL, newTechAmount: 0, newTechRateAmount: 0, newTechBorrowers: 0 },
      ['K6', 'K9'],
      ['K2', 'K4'],
    ],
  ])('should give null values when %s', (_name, fields, nulls, present) => {
    const v = computeIndicators(aggregate('U', fields), null).values;
    for (const k of nulls) expect(v[k].value).toBeNull();
    for (const k of present) expect(v[k].value).not.toBeNull();
  });

  it.each<[string, { balanceAll: number; balanceTech: number } | null, number | null]>([
    ['no baseline', null, null],
    ['S0 = 0', { balanceAll: 500_000, balanceTech: 0 }, null],
    ['tech grew 100 % against all loans 25 %', { balanceAll: 800_000, balanceTech: 400_000 }, 75],
  ])('should compute K3 with %s', (_name, base, expected) => {
    const v = computeIndicators(aggregate('U', FULL), base).values.K3.value;
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 10);
  });
});

describe('baselineOf', () => {
  it.each<[string, UnitLoanAggregate | undefined, boolean]>([
    ['no aggregate at p0', undefined, false],
    ['rows at p0 but A0 = 0', aggregate('U', { balanceAll: 0 }), false],
    ['A0 > 0', aggregate('U', { balanceAll: 5, balanceTech: 0 }), true],
  ])('should decide the baseline: %s', (_name, agg, present) => {
    expect(baselineOf(agg) !== null).toBe(present);
  });
});
