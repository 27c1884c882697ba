import { SCHEME } from './builders.spec-helper';
import { growthScore, type GrowthScore } from './growth';
import type { GrowthTargetClassParams } from './scheme';

const K3 = SCHEME.classes.K3 as GrowthTargetClassParams;

describe('growthScore', () => {
  it.each<
    [string, number, number, { balanceTech: number; balanceAll: number } | null, GrowthScore]
  >([
    ['no baseline', 100, 200, null, { f: 0.5, flag: 'NO_BASELINE' }],
    [
      'new entrant (S0 = 0, S > 0)',
      100,
      200,
      { balanceTech: 0, balanceAll: 100 },
      { f: 1, flag: 'NEW_ENTRANT' },
    ],
    [
      'no tech loans before or now',
      0,
      200,
      { balanceTech: 0, balanceAll: 100 },
      { f: 0, flag: null },
    ],
    ['tech loans shrank', 90, 200, { balanceTech: 100, balanceAll: 100 }, { f: 0, flag: null }],
    [
      'tech loans flat (gS = 0)',
      100,
      200,
      { balanceTech: 100, balanceAll: 100 },
      { f: 0, flag: null },
    ],
    [
      'tech grew as fast as all loans',
      200,
      400,
      { balanceTech: 100, balanceAll: 200 },
      { f: 1, flag: null },
    ],
    [
      'tech grew while all loans shrank',
      110,
      150,
      { balanceTech: 100, balanceAll: 200 },
      { f: 1, flag: null },
    ],
    [
      'tech grew half as fast',
      150,
      400,
      { balanceTech: 100, balanceAll: 200 },
      { f: 0.5, flag: null },
    ],
  ])('should score %s', (_name, s, a, base, expected) => {
    expect(growthScore(s, a, base, K3)).toEqual(expected);
  });
});
