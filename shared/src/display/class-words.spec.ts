import { SCHEME_SDTF_2025 } from '../scoring/scheme-sdtf-2025';
import type { Scheme } from '../scoring/scheme';
import { classSentence, explainSummary, type ClassFacts } from './class-words';
import { CHECK_NAMES, CLASS_NAMES, glossaryMessages } from './glossary';

const scheme = SCHEME_SDTF_2025;

function facts(over: Partial<ClassFacts>): ClassFacts {
  return {
    code: 'K2',
    name: CLASS_NAMES.K2,
    unit: '%',
    method: 'peer_trend',
    better: 'higher',
    value: 64.5,
    numerator: 645,
    denominator: 1000,
    weight: 10,
    f: 0.976,
    points: 9.76,
    peerSize: 26,
    H: 0.92,
    P: 0.96,
    m: 58.6,
    V: 1,
    trendValues: [],
    ...over,
  };
}

const ctx = { scheme, nplRatioAll: 1.5, flags: [] as const };
const SYMBOLS = /\b(H|P|m|V|f|NA|BA|rT|rA)\s*=|S₀|A₀/;

describe(classSentence.name, () => {
  it('should say the value, the peer position, the trend and the points in words', () => {
    const s = classSentence(facts({}), ctx);
    expect(s.zh).toBe(
      '科技贷款占比 64.5%，高于同组 92% 的机构；比前3个季度均值高 5.9 个百分点，趋势满分；得 9.8 / 10 分',
    );
    expect(s.en).toBe(
      'Tech loan share 64.5%, higher than 92% of its 25 peers; 5.9 pp above its previous 3-quarter mean, full trend marks; 9.8 of 10 points',
    );
  });

  it('should take the number of trend quarters from the scheme', () => {
    const six: Scheme = {
      ...scheme,
      peer_trend: { ...scheme.peer_trend, trend_quarters: 6 },
    };
    expect(classSentence(facts({}), { ...ctx, scheme: six }).zh).toContain(
      '比前6个季度均值高',
    );
  });

  it('should read a lower-is-better class (pricing) as lower than peers, in bp', () => {
    const s = classSentence(
      facts({
        code: 'K9',
        better: 'lower',
        value: -35,
        m: -20,
        V: 0.875,
        H: 0.4,
        weight: 6,
        points: 4.2,
      }),
      ctx,
    );
    expect(s.zh).toContain('融资成本 -35.0 bp，低于同组 40% 的机构');
    expect(s.zh).toContain('比前3个季度均值低 15.0 bp，趋势得 88%');
  });

  it('should use the ratio trend for scale classes', () => {
    const s = classSentence(
      facts({ code: 'K1', value: 6.2e8, m: 6e8, V: 0.67, weight: 10 }),
      ctx,
    );
    expect(s.zh).toContain('科技贷款规模 6.20 亿元');
    expect(s.zh).toContain('比前3个季度均值高 3.3%');
    expect(s.en).toContain('CNY 620.00 m');
  });

  it('should explain the NPL band with the tolerance of the scheme', () => {
    const k10 = facts({
      code: 'K10',
      method: 'npl_band',
      better: 'lower',
      value: 2.5,
      weight: 6,
      f: 0.8667,
      points: 5.2,
      H: null,
      P: null,
      m: null,
      V: null,
      peerSize: null,
    });
    expect(classSentence(k10, ctx).zh).toBe(
      '科技贷款不良率 2.5%，全部贷款不良率 1.5%；高出 1.0 个百分点，在 3.0 个百分点容忍度内，得 87%；得 5.2 / 6 分',
    );
    const wider: Scheme = {
      ...scheme,
      classes: {
        ...scheme.classes,
        K10: {
          weight: 6,
          method: 'npl_band',
          tolerance_pp: 5,
          score_at_tolerance: 0.6,
        },
      },
    };
    expect(classSentence(k10, { ...ctx, scheme: wider }).zh).toContain(
      '5.0 个百分点容忍度',
    );
  });

  it('should name a new entrant and a missing baseline on the growth class', () => {
    const k3 = facts({
      code: 'K3',
      method: 'growth_target',
      value: null,
      f: 0.5,
      points: 5,
      H: null,
      P: null,
      m: null,
      V: null,
      peerSize: null,
    });
    expect(classSentence(k3, { ...ctx, flags: ['NO_BASELINE'] }).zh).toContain(
      '上年末无基期数据，增速差按 50% 计',
    );
    expect(
      classSentence({ ...k3, value: -3.2, f: 0.6, points: 6 }, ctx).zh,
    ).toContain('科技贷款增速比各项贷款增速低 3.2 个百分点');
  });

  it('should never show a formula symbol in either language', () => {
    for (const code of ['K1', 'K2', 'K5', 'K9'] as const) {
      for (const f of [
        facts({ code }),
        facts({ code, m: null }),
        facts({ code, value: null }),
        facts({ code, peerSize: 1 }),
      ]) {
        const s = classSentence(f, ctx);
        expect(s.zh).not.toMatch(SYMBOLS);
        expect(s.en).not.toMatch(SYMBOLS);
      }
    }
  });
});

describe(explainSummary.name, () => {
  const classes: ClassFacts[] = [
    facts({
      code: 'K1',
      weight: 10,
      points: 4,
      P: 0.6,
      V: 0.5,
      m: 5e8,
      value: 5e8,
    }),
    facts({ code: 'K2', weight: 10, points: 9.5 }),
    facts({ code: 'K4', weight: 8, points: 2, P: 0.5, V: 0, m: 40, value: 35 }),
    facts({
      code: 'K9',
      weight: 6,
      points: 3,
      better: 'lower',
      P: 0.7,
      V: 0.5,
      m: -10,
      value: -10,
    }),
    facts({ code: 'K6', weight: 7, points: 6.5 }),
  ];

  it('should list the three costliest classes with the values that reach full peer and trend marks', () => {
    const s = explainSummary(classes, {
      scheme,
      composite: 71.2,
      grade: 'pass',
      flags: [],
      peerBest: { K1: 9e8, K4: 80, K9: -48 },
      nplRatioAll: 1,
    });
    expect(s.improvements.map((i) => i.code)).toEqual(['K4', 'K1', 'K9']);
    const k4 = s.improvements[0];
    expect(k4.lostPoints).toBeCloseTo(6);
    expect(k4.peerTarget).toBe(80);
    expect(k4.peerGain).toBeCloseTo(8 * 0.6 * 0.5);
    expect(k4.trendTarget).toBeCloseTo(42); // m + full_at (2 pp)
    expect(k4.trendGain).toBeCloseTo(8 * 0.4);
    expect(s.improvements[1].trendTarget).toBeCloseTo(5.5e8); // m * 1.1
    expect(s.improvements[2].trendTarget).toBeCloseTo(-30); // m - 20 bp
    expect(k4.text.zh).toBe(
      '投早投小失 6.0 分：超过同组最好水平 80.0% 可多得 2.4 分，达到 42.0% 趋势满分，可多得 3.2 分',
    );
    expect(s.improvements[2].text.zh).toContain(
      '低于同组最好水平 -48.0 bp',
    );
  });

  it('should not name a peer target when the group is too small to disclose it', () => {
    const s = explainSummary(classes, {
      scheme,
      composite: 71.2,
      grade: 'pass',
      flags: [],
      peerBest: { K4: null },
      nplRatioAll: 1,
    });
    expect(s.improvements[0].peerTarget).toBeNull();
    expect(s.improvements[0].text.zh).toContain(
      '超过更多同组机构最多可多得 2.4 分',
    );
  });

  it('should give the points to the next grade from the scheme', () => {
    expect(
      explainSummary(classes, {
        scheme,
        composite: 71.2,
        grade: 'pass',
        flags: [],
        peerBest: {},
        nplRatioAll: 1,
      }).nextGrade,
    ).toEqual({
      grade: 'good',
      pointsNeeded: expect.closeTo(3.8, 9),
      text: {
        zh: '距良好（75 分）还差 3.8 分',
        en: '3.8 points short of Good (75)',
      },
    });
    const higher: Scheme = {
      ...scheme,
      grades: scheme.grades.map((g) =>
        g.code === 'good' ? { ...g, min: 80 } : g,
      ),
    };
    expect(
      explainSummary(classes, {
        scheme: higher,
        composite: 71.2,
        grade: 'pass',
        flags: [],
        peerBest: {},
        nplRatioAll: 1,
      }).nextGrade?.pointsNeeded,
    ).toBeCloseTo(8.8);
    expect(
      explainSummary(classes, {
        scheme,
        composite: 95,
        grade: 'excellent',
        flags: [],
        peerBest: {},
        nplRatioAll: 1,
      }).nextGrade,
    ).toBeNull();
  });
});

describe('glossary', () => {
  it('should give every class and check one name per language as message keys', () => {
    expect(glossaryMessages('zh')['class.K2']).toBe('科技贷款占比');
    expect(glossaryMessages('en')['check.C7']).toBe(CHECK_NAMES.C7.en);
    expect(Object.keys(glossaryMessages('en')).sort()).toEqual(
      Object.keys(glossaryMessages('zh')).sort(),
    );
  });
});
