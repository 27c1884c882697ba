import type { QualitativeRow } from '../format/rows';
import { aggregate, SCHEME, unit } from './builders.spec-helper';
import { scorePeriod, sortFlags } from './score-period';
import type {
  PeriodAggregates,
  ScoringInput,
  UnitInfo,
  UnitLoanAggregate,
  UnitResult,
} from './types';

/** A period's aggregates from unit -> fields (each unit gets rowCount 1). */
function period(p: string, units: Record<string, Partial<UnitLoanAggregate>>): PeriodAggregates {
  const out: Record<string, UnitLoanAggregate> = {};
  for (const [code, fields] of Object.entries(units)) out[code] = aggregate(code, fields);
  return { period: p, hasData: Object.keys(out).length > 0, units: out };
}

/** A unit whose tech share is `k2` percent of 10000 fen. */
const loans = (k2: number): Partial<UnitLoanAggregate> => ({
  balanceAll: 10000,
  balanceTech: 100 * k2,
});

/** Five state units (a full peer group), two joint units (a small one), one unit without loans. */
const UNITS: UnitInfo[] = [
  unit('S1'),
  unit('S2'),
  unit('S3'),
  unit('S4'),
  unit('S5', { bankCode: 'C' }),
  unit('J1', { peerGroup: 'joint', bankCode: 'J' }),
  unit('J2', { peerGroup: 'joint', bankCode: 'J' }),
  unit('Z0'),
];

const QUAL: QualitativeRow[] = ['Q1', 'Q2', 'Q3'].map((block) => ({
  year: 2025,
  institutionCode: 'S1',
  block: block as QualitativeRow['block'],
  scoreCenti: 10000,
  evidence: null,
}));

function input(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    period: '2025Q2',
    units: UNITS,
    current: period('2025Q2', {
      S1: loans(50),
      S2: loans(40),
      S3: loans(30),
      S4: loans(20),
      S5: loans(10),
      J1: loans(60),
      J2: loans(60),
    }),
    history: [],
    baseline: null,
    qualitative: QUAL,
    penalties: [],
    ...overrides,
  };
}

const byCode = (results: UnitResult[], code: string): UnitResult => {
  const r = results.find((x) => x.code === code);
  if (!r) throw new Error(`no result for ${code}`);
  return r;
};

describe('scorePeriod', () => {
  const results = scorePeriod(input(), SCHEME);

  it('should return every unit sorted by code', () => {
    expect(results.map((r) => r.code)).toEqual(['J1', 'J2', 'S1', 'S2', 'S3', 'S4', 'S5', 'Z0']);
  });

  it('should list a unit without loans as NO_LOANS, unscored and unranked', () => {
    expect(byCode(results, 'Z0')).toMatchObject({
      scored: false,
      flags: ['NO_LOANS'],
      grade: null,
      rankLevel: null,
      rankPeer: null,
      rankBank: null,
    });
  });

  it('should keep units without loans out of the peer sets', () => {
    expect(byCode(results, 'S1').classes.K2.peerSize).toBe(5);
  });

  it('should compare a small peer group with the whole level and flag it', () => {
    const j1 = byCode(results, 'J1');
    expect(j1.flags).toContain('SMALL_PEER_GROUP');
    expect(j1.classes.K2.peerSize).toBe(7);
    // J1 ties J2 and beats the five state units: (5 + 0.5) / 6
    expect(j1.classes.K2.H).toBeCloseTo(5.5 / 6, 15);
    expect(byCode(results, 'S3').flags).not.toContain('SMALL_PEER_GROUP');
  });

  it.each<[string, number, number, number]>([
    // [code, rank_level, rank_peer (real peer group), rank_bank]
    // S1 leads its full group and has the only qualitative score; J1, J2 tie
    ['S1', 1, 1, 1],
    ['J1', 2, 1, 1],
    ['J2', 2, 1, 1],
    ['S2', 4, 2, 2],
    ['S5', 7, 5, 1],
  ])('should rank %s in its level, real peer group and bank', (code, level, peer, bank) => {
    const r = byCode(results, code);
    expect([r.rankLevel, r.rankPeer, r.rankBank]).toEqual([level, peer, bank]);
  });

  it('should add up the class scores and the qualitative points', () => {
    const s1 = byCode(results, 'S1');
    const sum = Object.values(s1.classes).reduce((a, c) => a + c.score, 0);
    expect(s1.quantitative).toBeCloseTo(sum, 12);
    expect(s1.qualitative).toBeCloseTo(20, 12);
    expect(s1.composite).toBeCloseTo(s1.quantitative + 20, 12);
  });

  it('should take the trend from the three quarters before p in which the unit was scored', () => {
    const r = scorePeriod(
      input({
        history: [
          period('2025Q1', { S1: loans(40) }),
          // S1 had rows but no balance in 2024Q4: not scored then, contributes nothing
          period('2024Q4', { S1: { balanceAll: 0, balanceTech: 0 } }),
          period('2024Q3', { S1: loans(44) }),
          // four quarters back: outside the window
          period('2024Q2', { S1: loans(0) }),
        ],
      }),
      SCHEME,
    );
    const k2 = byCode(r, 'S1').classes.K2;
    expect(k2.trendValues).toEqual([
      { period: '2025Q1', value: 40 },
      { period: '2024Q3', value: 44 },
    ]);
    expect(k2.m).toBe(42);
    // (50 - 42 + 2) / 4 clamps to 1
    expect(k2.V).toBe(1);
  });

  it('should floor K9 at -50 bp for the unit, its peers and its history', () => {
    const k9 = (rT: number): Partial<UnitLoanAggregate> => ({
      ...loans(50),
      newTechAmount: 1,
      newTechRateAmount: rT * 10000,
      newAllAmount: 2,
      newAllRateAmount: (rT + 4) * 10000,
    });
    // rT - rA = (rT - 4) / 2 percent: rT = 2.4 gives -80 bp, rT = 2.8 gives -60 bp, rT = 3.6 gives -20 bp
    const r = scorePeriod(
      input({
        current: period('2025Q2', {
          S1: k9(2.4),
          S2: k9(2.8),
          S3: loans(10),
          S4: loans(10),
          S5: loans(10),
        }),
        history: [period('2025Q1', { S1: k9(2.8) })],
      }),
      SCHEME,
    );
    const s1 = byCode(r, 'S1').classes.K9;
    expect(s1.value).toBeCloseTo(-80, 9);
    // -50 (floored) ties S2's floored -60 and beats the three null values: (3 + 0.5) / 4
    expect(s1.H).toBeCloseTo(3.5 / 4, 15);
    expect(s1.m).toBe(-50);
    expect(s1.V).toBe(0.5);
  });

  it.each<[string, PeriodAggregates | null, string | null]>([
    ['no p0 in the dataset', null, 'NO_BASELINE'],
    ['p0 without data', period('2024Q4', {}), 'NO_BASELINE'],
    ['no rows of the unit at p0', period('2024Q4', { S2: loans(10) }), 'NO_BASELINE'],
    ['rows at p0 but A0 = 0', period('2024Q4', { S1: { balanceAll: 0 } }), 'NO_BASELINE'],
    ['S0 = 0', period('2024Q4', { S1: loans(0) }), 'NEW_ENTRANT'],
    ['tech loans grew', period('2024Q4', { S1: loans(25) }), null],
  ])('should decide the K3 flags with %s', (_name, baseline, flag) => {
    const s1 = byCode(scorePeriod(input({ baseline }), SCHEME), 'S1');
    const k3Flags = s1.flags.filter((f) => f === 'NO_BASELINE' || f === 'NEW_ENTRANT');
    expect(k3Flags).toEqual(flag ? [flag] : []);
  });

  it('should veto with a penalty in the window and keep flags in export order', () => {
    const r = scorePeriod(
      input({
        penalties: [
          { institutionCode: 'J1', decidedOn: '2025-06-30', kind: 'penalty', reference: 'x' },
        ],
      }),
      SCHEME,
    );
    const j1 = byCode(r, 'J1');
    expect(j1.grade).toBe('improve');
    expect(j1.flags).toEqual(['NO_BASELINE', 'QUAL_MISSING', 'SMALL_PEER_GROUP', 'VETO']);
  });

  it('should give bit-identical results whatever the order of the input units', () => {
    const shuffled = scorePeriod(input({ units: [...UNITS].reverse() }), SCHEME);
    expect(shuffled).toEqual(results);
  });
});

describe('sortFlags', () => {
  it('should order flags as the export does and drop duplicates', () => {
    expect(
      sortFlags(['VETO', 'QUAL_INHERITED', 'SMALL_PEER_GROUP', 'NEW_ENTRANT', 'VETO']),
    ).toEqual(['NEW_ENTRANT', 'QUAL_INHERITED', 'SMALL_PEER_GROUP', 'VETO']);
  });
});
