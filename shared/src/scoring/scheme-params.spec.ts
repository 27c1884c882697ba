import { CHECK_CODES, CLASS_CODES, type ClassCode } from '../format/enums';
import { baselinePeriod, periodYear, shiftPeriod } from '../format/period';
import { aggregatePeriod } from './aggregate';
import { certificationChecks, certifiedOutcome, evaluateCertification } from './certification';
import { FIXTURE_DIR, loadDataset } from './fixture.spec-helper';
import type { Scheme } from './scheme';
import { SCHEME_SDTF_2025 } from './scheme-sdtf-2025';
import { validateScheme } from './scheme-validate';
import { gradeOf } from './grade';
import { scorePeriod } from './score-period';
import type { CertificationResult, CheckResult, PeriodAggregates, UnitResult } from './types';

/**
 * No policy number is a literal of the engine: every parameter of the scheme, changed alone,
 * changes what the engine gives on the sd-small data, and the main ones move the results the way
 * scoring.md says they must.
 */

const ds = loadDataset(FIXTURE_DIR);
const aggregates = new Map<string, PeriodAggregates>();
function aggregateOf(period: string): PeriodAggregates {
  let a = aggregates.get(period);
  if (!a) {
    a = aggregatePeriod(period, ds.units, ds.loans, ds.enterprises, ds.qualifications);
    aggregates.set(period, a);
  }
  return a;
}

function score(period: string, scheme: Scheme): UnitResult[] {
  const year = periodYear(period);
  const baseline = aggregateOf(baselinePeriod(period));
  return scorePeriod(
    {
      period,
      units: ds.units,
      current: aggregateOf(period),
      // more history than any scheme here reads: the scheme decides how much counts
      history: [1, 2, 3, 4, 5].map((n) => aggregateOf(shiftPeriod(period, n))).filter((a) => a.hasData),
      baseline: baseline.hasData ? baseline : null,
      qualitative: ds.qualitative.filter((q) => q.year === year || q.year === year - 1),
      penalties: ds.penalties,
    },
    scheme,
  );
}

function certify(year: number, scheme: Scheme, resultsY: UnitResult[], resultsPrev: UnitResult[]): CertificationResult[] {
  return evaluateCertification(
    {
      year,
      resultsY,
      resultsPrev,
      applicationsY: ds.applications.filter((a) => a.year === year),
      applicationsPrev: ds.applications.filter((a) => a.year === year - 1),
      certifiedPrev: ds.decisions.filter((d) => d.year === year - 1 && d.decision === 'confirm').map((d) => d.institutionCode),
    },
    scheme,
  );
}

/** Everything the engine gives for a scheme: 2024Q4 (no history, no baseline), 2025Q4, certification 2025. */
function outputOf(scheme: Scheme): string {
  const r2024 = score('2024Q4', scheme);
  const r2025 = score('2025Q4', scheme);
  return JSON.stringify([r2024, r2025, certify(2025, scheme, r2025, r2024)]);
}

const passing = (): CheckResult[] => CHECK_CODES.map((code) => ({ code, pass: true, measures: [] }));

/**
 * Parameters no case of sd-small reaches (no applicant is a new entrant; no certified unit sits
 * near the delist line with C7 alone failing): the engine's own functions on a made-up case.
 */
const PROBES: Record<string, (s: Scheme) => string> = {
  'certification.C5.new_entrant_passes': (s) => {
    const r = score('2025Q4', SCHEME_SDTF_2025).find((x) => x.scored) as UnitResult;
    const entrant = { ...r, flags: [...r.flags, 'NEW_ENTRANT' as const] };
    return JSON.stringify(certificationChecks(entrant, undefined, s).find((c) => c.code === 'C5'));
  },
  'certification.delist.composite_below': (s) =>
    [50, 55, 59, 65, 70].map((c) => certifiedOutcome(passing(), passing(), c, s)).join(),
  'certification.delist.required': (s) =>
    certifiedOutcome(passing().map((c) => (c.code === 'C7' ? { ...c, pass: false } : c)), passing(), 80, s),
};

type Json = Record<string, unknown>;
const clone = (): Scheme => JSON.parse(JSON.stringify(SCHEME_SDTF_2025)) as Scheme;

function leaves(v: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    return Object.entries(v as Json).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
}

function set(s: Scheme, path: string[], value: unknown): void {
  let o = s as unknown as Json;
  for (const k of path.slice(0, -1)) o = o[k] as Json;
  o[path[path.length - 1]] = value;
}

/** Structure, not policy: names, the class methods, which direction is better, grade codes and names. */
const STRUCTURAL = /^(id|version|title\..*|classes\.K\d+\.(method|better|trend\.kind)|grades)$/;

/**
 * Changes of one parameter (with its partner when a sum must hold), each valid by the engine's
 * own rules. The first one that changes the output counts; none changing it means the engine does
 * not read the parameter.
 */
function variantsOf(path: string[], value: unknown): Scheme[] {
  const key = path.join('.');
  const make = (...edits: [string[], unknown][]): Scheme => {
    const s = clone();
    for (const [p, v] of edits) set(s, p, v);
    return s;
  };
  const q = SCHEME_SDTF_2025.qualitative;
  if (/^classes\.K\d+\.weight$/.test(key) || key === 'qualitative.max_points') {
    const other = key === 'qualitative.max_points' ? ['classes', 'K1', 'weight'] : ['qualitative', 'max_points'];
    const otherValue = key === 'qualitative.max_points' ? SCHEME_SDTF_2025.classes.K1.weight : q.max_points;
    return [make([path, (value as number) + 2], [other, otherValue - 2])];
  }
  if (key === 'peer_trend.peer_share' || key === 'peer_trend.trend_share') {
    const other = key.endsWith('peer_share') ? 'trend_share' : 'peer_share';
    const otherValue = SCHEME_SDTF_2025.peer_trend[other];
    return [make([path, (value as number) + 0.1], [['peer_trend', other], otherValue - 0.1])];
  }
  if (key.startsWith('qualitative.blocks.')) {
    const other = key.endsWith('Q1') ? 'Q2' : 'Q1';
    return [make([path, (value as number) + 0.1], [['qualitative', 'blocks', other], q.blocks[other] - 0.1])];
  }
  if (key === 'equality_tolerance') return [make([path, 1e-3])];
  if (key === 'npl_over_tolerance_max_grade') return [make([path, 'improve'])];
  if (key === 'veto.grade') return [make([path, 'pass'])];
  if (typeof value === 'boolean') return [make([path, !value])];
  if (Array.isArray(value)) return value.map((_, i) => make([path, value.filter((__, j) => j !== i)]));
  if (typeof value === 'number') {
    const candidates = [value * 0.5, value * 2, value + 1, value - 1, value + 0.2, value - 0.2, value + 10, value - 10, value === 0 ? 5 : value * 0.9];
    return candidates.map((v) => make([path, Number.isInteger(value) ? Math.round(v) : v]));
  }
  throw new Error(`no variant for ${key}`);
}

describe('scheme parameters', () => {
  const base = outputOf(SCHEME_SDTF_2025);

  const params = leaves(SCHEME_SDTF_2025).filter((l) => !STRUCTURAL.test(l.path.join('.')));
  const gradeMins = SCHEME_SDTF_2025.grades.filter((g) => g.min !== null).map((g, i) => ({ path: ['grades', String(i), 'min'], value: g.min }));

  it('should cover every policy number of the published shape', () => {
    // the appendix of scoring.md: 10 classes x weight + K1-K9 bands + K9 floor + K3 + K10, peer_trend, …
    expect(params.length + gradeMins.length).toBeGreaterThan(60);
  });

  it.each([...params, ...gradeMins].map((l) => [l.path.join('.'), l]))(
    'should read %s from the scheme',
    (_key, leaf) => {
      const { path, value } = leaf as { path: string[]; value: unknown };
      const variants = path[0] === 'grades'
        ? [-5, 5].map((d) => {
            const s = clone();
            (s.grades[Number(path[1])] as { min: number }).min = (value as number) + d;
            return s;
          })
        : variantsOf(path, value);
      const valid = variants.filter((s) => validateScheme(s).length === 0);
      expect(valid.length).toBeGreaterThan(0);
      const probe = PROBES[path.join('.')];
      const changes = probe
        ? (s: Scheme): boolean => probe(s) !== probe(SCHEME_SDTF_2025)
        : (s: Scheme): boolean => outputOf(s) !== base;
      expect(valid.some(changes)).toBe(true);
    },
  );

  describe('grade bands', () => {
    const defaults = score('2025Q4', SCHEME_SDTF_2025);
    const bandGrade = (c: number, mins: number[]): string => {
      const codes = ['excellent', 'good', 'pass', 'improve'];
      const i = mins.findIndex((m) => c + 1e-9 >= m);
      return codes[i === -1 ? 3 : i];
    };

    it.each([0.5, 0.8, 1.1])('should grade by the bands scaled by %s and leave composites alone', (k) => {
      const s = clone();
      s.grades = s.grades.map((g) => ({ ...g, min: g.min === null ? null : g.min * k }));
      const mins = s.grades.filter((g) => g.min !== null).map((g) => g.min as number);
      const scaled = score('2025Q4', s);
      let moved = 0;
      scaled.forEach((r, i) => {
        expect(r.composite).toBe(defaults[i].composite);
        if (!r.scored) return;
        let expected = bandGrade(r.composite, mins);
        if (r.flags.includes('NPL_OVER_TOLERANCE') && ['excellent', 'good'].includes(expected)) expected = 'pass';
        if (r.flags.includes('VETO')) expected = 'improve';
        expect({ code: r.code, grade: r.grade }).toEqual({ code: r.code, grade: expected });
        if (r.grade !== defaults[i].grade) moved++;
      });
      expect(moved).toBeGreaterThan(0);
    });
  });

  describe('trend_quarters', () => {
    const PEER_TREND = CLASS_CODES.filter((k) => SCHEME_SDTF_2025.classes[k].method === 'peer_trend');

    it.each([0, 1, 2, 3, 4])('should read the %s quarters before p, most recent first', (n) => {
      const s = clone();
      s.peer_trend.trend_quarters = n;
      const window = Array.from({ length: n }, (_, i) => shiftPeriod('2025Q4', i + 1));
      const results = score('2025Q4', s);
      let seen = 0;
      for (const r of results.filter((x) => x.scored)) {
        for (const k of PEER_TREND as ClassCode[]) {
          const c = r.classes[k];
          const periods = (c.trendValues ?? []).map((t) => t.period);
          expect(periods.every((p) => window.includes(p))).toBe(true);
          expect(periods).toEqual(window.filter((p) => periods.includes(p)));
          seen = Math.max(seen, periods.length);
          if (periods.length === 0 && c.value !== null) expect(c.V).toBe(s.peer_trend.no_history_trend);
          if (periods.length > 0) {
            const mean = (c.trendValues ?? []).reduce((a, t) => a + t.value, 0) / periods.length;
            expect(c.m).toBeCloseTo(mean, 12);
          }
        }
      }
      // the data has four quarters before 2025Q4 (from 2024Q4): a scheme asking n reads up to n
      expect(seen).toBe(Math.min(n, 4));
    });
  });

  describe('peer_group_min_size', () => {
    it.each([1, 5, 20, 400])('should replace a peer group smaller than %s by the whole level', (n) => {
      const s = clone();
      s.peer_group_min_size = n;
      const results = score('2025Q4', s).filter((r) => r.scored);
      for (const r of results) {
        const group = results.filter((v) => v.level === r.level && v.peerGroup === r.peerGroup).length;
        expect({ code: r.code, small: r.flags.includes('SMALL_PEER_GROUP') }).toEqual({ code: r.code, small: group < n });
        const level = results.filter((v) => v.level === r.level).length;
        expect(r.classes.K1.peerSize).toBe(group < n ? level : group);
      }
    });
  });

  describe('weights', () => {
    it('should give s_k = weight_k * f_k with the scheme weights, f unchanged', () => {
      const s = clone();
      const weights = [4, 14, 6, 9, 5, 11, 3, 12, 8, 8]; // sum 80
      CLASS_CODES.forEach((k, i) => (s.classes[k].weight = weights[i]));
      const before = score('2025Q4', SCHEME_SDTF_2025);
      score('2025Q4', s).forEach((r, i) => {
        CLASS_CODES.forEach((k, j) => {
          expect(r.classes[k].f).toBe(before[i].classes[k].f);
          expect(r.classes[k].score).toBeCloseTo(weights[j] * before[i].classes[k].f, 12);
        });
      });
    });
  });
});

describe('composite_tolerance', () => {
  const s: Scheme = { ...SCHEME_SDTF_2025, equality_tolerance: 1e-9, composite_tolerance: 1e-3 };

  it('should compare composites with grade lines by composite_tolerance when given', () => {
    expect(gradeOf(74.9995, s)).toBe('good');
    expect(gradeOf(74.9995, SCHEME_SDTF_2025)).toBe('pass');
  });

  it('should compare composites with certification lines by composite_tolerance when given', () => {
    expect(certifiedOutcome(passing(), passing(), 59.9995, s)).toBe('retain');
    expect(certifiedOutcome(passing(), passing(), 59.9995, SCHEME_SDTF_2025)).toBe('delist');
  });
});

describe('C5 with a negative K3_min', () => {
  it('should still ask K3 at full marks (scoring.md appendix: K3_min only adds when above 0)', () => {
    const r = score('2025Q4', SCHEME_SDTF_2025).find(
      (x) => x.scored && x.classes.K3.f > 0 && x.classes.K3.f < 1 && !x.flags.includes('NEW_ENTRANT'),
    ) as UnitResult;
    expect(r).toBeDefined();
    const lenient = clone();
    lenient.certification.C5.K3_min = -1000;
    const c5 = (scheme: Scheme): boolean | undefined => certificationChecks(r, undefined, scheme).find((c) => c.code === 'C5')?.pass;
    expect(c5(SCHEME_SDTF_2025)).toBe(false);
    expect(c5(lenient)).toBe(false);
  });
});
