import { compareForList, rankIn } from './rank';

describe('rankIn', () => {
  const TOL = 1e-9;
  it.each<[string, number, number[], number]>([
    ['the best', 90, [90, 80, 70], 1],
    ['the worst', 70, [90, 80, 70], 3],
    ['exact ties share a rank', 80, [90, 80, 80, 70], 2],
    ['the unit after a tie skips', 70, [90, 80, 80, 70], 4],
    ['a composite above by 1e-10 is a tie', 80, [80 + 1e-10, 80], 1],
    ['a composite above by 1e-8 ranks ahead', 80, [80 + 1e-8, 80], 2],
    ['alone', 50, [50], 1],
  ])('should rank %s', (_name, c, group, expected) => {
    expect(rankIn(c, group, TOL)).toBe(expected);
  });
});

describe('compareForList', () => {
  it('should order by rank, then quantitative score, then code, unranked last', () => {
    const rows = [
      { code: 'D', quantitative: 50, rank: null },
      { code: 'C', quantitative: 60, rank: 2 },
      { code: 'B', quantitative: 70, rank: 2 },
      { code: 'A', quantitative: 70, rank: 2 },
      { code: 'E', quantitative: 10, rank: 1 },
    ];
    const sorted = [...rows].sort((a, b) => compareForList(a, b, (r) => r.rank));
    expect(sorted.map((r) => r.code)).toEqual(['E', 'A', 'B', 'C', 'D']);
  });
});
