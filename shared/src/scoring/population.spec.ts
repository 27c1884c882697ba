import { unit } from './builders.spec-helper';
import { levelPopulation, peerSet, realPeerGroup } from './population';

const UNITS = [
  unit('S5', { peerGroup: 'state' }),
  unit('S1', { peerGroup: 'state' }),
  unit('S2', { peerGroup: 'state' }),
  unit('S3', { peerGroup: 'state' }),
  unit('S4', { peerGroup: 'state' }),
  unit('J1', { peerGroup: 'joint' }),
  unit('J2', { peerGroup: 'joint' }),
  unit('Z0', { peerGroup: 'state' }),
  unit('H1', { peerGroup: 'state', level: 'head' }),
];
/** Z0 has no loans. */
const scored = (code: string): boolean => code !== 'Z0';

describe('levelPopulation', () => {
  it('should hold the units of the level with A > 0, in code order', () => {
    expect(levelPopulation(UNITS, 'city', scored).map((u) => u.code)).toEqual([
      'J1',
      'J2',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
    ]);
  });
});

describe('peerSet', () => {
  const L = levelPopulation(UNITS, 'city', scored);
  it.each<[string, number, string[], boolean]>([
    ['S1', 5, ['S1', 'S2', 'S3', 'S4', 'S5'], false],
    ['J1', 5, ['J1', 'J2', 'S1', 'S2', 'S3', 'S4', 'S5'], true],
    ['S1', 6, ['J1', 'J2', 'S1', 'S2', 'S3', 'S4', 'S5'], true],
    ['J1', 2, ['J1', 'J2'], false],
  ])('should give %s with minimum size %i its peers', (code, min, members, small) => {
    const u = L.find((v) => v.code === code);
    if (!u) throw new Error(code);
    const p = peerSet(u, L, min);
    expect(p.members.map((v) => v.code)).toEqual(members);
    expect(p.small).toBe(small);
  });

  it('should keep the real peer group for ranking when the group is small', () => {
    expect(realPeerGroup(L[0], L).map((v) => v.code)).toEqual(['J1', 'J2']);
  });
});
