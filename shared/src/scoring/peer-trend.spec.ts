import { SCHEME } from './builders.spec-helper';
import {
  applyFloor,
  ownTrend,
  peerPosition,
  peerTrendScore,
  trendMean,
  valuesEqual,
} from './peer-trend';
import type { PeerTrendClassParams, TrendParams } from './scheme';

const TOL = SCHEME.equality_tolerance;
const K1 = SCHEME.classes.K1 as PeerTrendClassParams;
const K2 = SCHEME.classes.K2 as PeerTrendClassParams;
const K9 = SCHEME.classes.K9 as PeerTrendClassParams;

describe('valuesEqual', () => {
  it.each<[number, number, boolean]>([
    // 2^-30 and 2^-29 are exact doubles just under and over 1e-9
    [1, 1 + 2 ** -30, true],
    [1, 1 + 2 ** -29, false],
    [0, 1e-9, true],
    [0, 2e-9, false],
    [5, 5, true],
    // relative above 1: the tolerance is 1e-9 * max(|a|, |b|)
    [1e6, 1e6 + 5e-4, true],
    [1e6, 1e6 + 2e-3, false],
  ])('should treat %p and %p as equal = %p', (a, b, expected) => {
    expect(valuesEqual(a, b, TOL)).toBe(expected);
  });
});

describe('peerPosition', () => {
  it.each<[string, number | null, (number | null)[], 'higher' | 'lower', number]>([
    ['n = 1 (no other unit)', 5, [], 'higher', 0.5],
    ['own value null', null, [1, 2], 'higher', 0],
    ['own value null, alone', null, [], 'higher', 0],
    ['best of four', 10, [1, 2, 3], 'higher', 1],
    ['worst of four', 0, [1, 2, 3], 'higher', 0],
    ['a tie counts half', 2, [1, 2, 3], 'higher', (1 + 0.5) / 3],
    ['a tie within 1e-9', 2, [1, 2 + 1e-9, 3], 'higher', (1 + 0.5) / 3],
    ['just outside the tolerance is strict', 2, [1, 2 - 3e-9, 3], 'higher', 2 / 3],
    ['a null peer is worse than any number', -1000, [null, 0], 'higher', 1 / 2],
    ['lower is better', 1, [2, 3, 0], 'lower', 2 / 3],
    ['a null peer is worse when lower is better', 100, [null], 'lower', 1],
  ])('should place %s', (_name, x, others, better, expected) => {
    expect(peerPosition(x, others, better, TOL)).toBeCloseTo(expected, 15);
  });
});

describe('trendMean', () => {
  it.each<[(number | null)[], number | null]>([
    [[], null],
    [[null, null], null],
    [[1, null, 3], 2],
    [[4], 4],
  ])('should average the non-null values of %p', (values, expected) => {
    expect(trendMean(values)).toBe(expected);
  });
});

describe('ownTrend', () => {
  const ratio: TrendParams = K1.trend;
  const diff: TrendParams = K2.trend;
  const k9: TrendParams = K9.trend;
  it.each<[string, number | null, number | null, TrendParams, number]>([
    ['null value', null, 5, diff, 0],
    ['no history value', 5, null, diff, 0.5],
    ['ratio, m = 0 and x > 0', 3, 0, ratio, 1],
    ['ratio, m = 0 and x = 0', 0, 0, ratio, 0],
    ['ratio at 90 % of m', 90, 100, ratio, 0],
    ['ratio at 100 % of m', 100, 100, ratio, 0.5],
    ['ratio at 110 % of m', 110, 100, ratio, 1],
    ['ratio above 110 % clamps', 200, 100, ratio, 1],
    ['ratio below 90 % clamps', 10, 100, ratio, 0],
    ['difference +2 pp', 52, 50, diff, 1],
    ['difference -2 pp', 48, 50, diff, 0],
    ['difference +1 pp', 51, 50, diff, 0.75],
    ['difference -5 pp clamps', 45, 50, diff, 0],
    ['K9 20 bp cheaper', -30, -10, k9, 1],
    ['K9 20 bp dearer', 10, -10, k9, 0],
    ['K9 unchanged', 7, 7, k9, 0.5],
    ['K9 10 bp cheaper', 0, 10, k9, 0.75],
  ])('should map %s', (_name, x, m, trend, expected) => {
    expect(ownTrend(x, m, trend, SCHEME.peer_trend.no_history_trend)).toBeCloseTo(expected, 12);
  });
});

describe('applyFloor', () => {
  it.each<[number | null, number | undefined, number | null]>([
    [-80, -50, -50],
    [-50, -50, -50],
    [-20, -50, -20],
    [null, -50, null],
    [-80, undefined, -80],
  ])('should floor %p at %p to %p', (x, floor, expected) => {
    expect(applyFloor(x, floor)).toBe(expected);
  });
});

describe('peerTrendScore', () => {
  it.each<
    [
      string,
      number | null,
      (number | null)[],
      (number | null)[],
      { H: number; P: number; V: number; f: number },
    ]
  >([
    ['a null value scores nothing', null, [1], [1], { H: 0, P: 0, V: 0, f: 0 }],
    ['alone without history', 5, [], [], { H: 0.5, P: 0.75, V: 0.5, f: 0.6 * 0.75 + 0.4 * 0.5 }],
    [
      'worst of its peers keeps the peer floor',
      0,
      [1, 2],
      [0],
      { H: 0, P: 0.5, V: 0.5, f: 0.6 * 0.5 + 0.4 * 0.5 },
    ],
    ['best and improving gets full marks', 10, [1, 2], [5], { H: 1, P: 1, V: 1, f: 1 }],
  ])('should combine peer and trend: %s', (_name, x, others, history, expected) => {
    const r = peerTrendScore(x, others, history, K2, SCHEME);
    expect({ H: r.H, P: r.P, V: r.V }).toEqual({ H: expected.H, P: expected.P, V: expected.V });
    expect(r.f).toBeCloseTo(expected.f, 15);
  });
});
