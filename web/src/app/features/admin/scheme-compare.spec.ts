import { compareParams, flattenParams } from './scheme-compare';

describe(flattenParams.name, () => {
  it('should give one row per leaf parameter', () => {
    expect(
      flattenParams({
        classes: { K1: { weight: 10 } },
        grades: [{ code: 'excellent', min: 90 }],
        kinds: ['penalty', 'falsified_data'],
      }),
    ).toEqual({
      'classes.K1.weight': '10',
      'grades[0].code': 'excellent',
      'grades[0].min': '90',
      kinds: 'penalty, falsified_data',
    });
  });
});

describe(compareParams.name, () => {
  it('should mark the parameters two versions disagree on', () => {
    const rows = compareParams([
      { a: 1, b: { c: 2 } },
      { a: 1, b: { c: 3 }, d: 4 },
    ]);
    expect(rows).toEqual([
      { path: 'a', values: ['1', '1'], differs: false },
      { path: 'b.c', values: ['2', '3'], differs: true },
      { path: 'd', values: ['—', '4'], differs: true },
    ]);
  });
});
