import { SCHEME } from './builders.spec-helper';
import { nplBandScore } from './npl-band';
import type { NplBandClassParams } from './scheme';

const K10 = SCHEME.classes.K10 as NplBandClassParams;

describe('nplBandScore', () => {
  it.each<[string, number | null, number | null, number, boolean]>([
    ['S = 0 (x null)', null, 2, 0, false],
    ['no NPL at all', 0, 0, 1, false],
    ['x below NA', 1, 2, 1, false],
    ['x = NA', 2, 2, 1, false],
    ['x halfway to the tolerance', 3.5, 2, 0.8, false],
    ['x = T = NA + 3', 5, 2, 0.6, false],
    ['x just above T', 5.000001, 2, 0, true],
    ['NA = 0, x = 3', 3, 0, 0.6, false],
    ['NA = 0, x = 100', 100, 0, 0, true],
  ])('should score %s', (_name, x, na, f, over) => {
    const r = nplBandScore(x, na, K10);
    expect(r.f).toBeCloseTo(f, 12);
    expect(r.overTolerance).toBe(over);
  });

  it('should report the tolerance T = NA + 3', () => {
    expect(nplBandScore(1, 2, K10).tolerance).toBe(5);
  });
});
