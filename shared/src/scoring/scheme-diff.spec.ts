import { SCHEME_SDTF_2025 } from './scheme-sdtf-2025';
import { parameterLabel, schemeChanges, schemeLeaves, withParameter } from './scheme-diff';
import type { Scheme } from './scheme';

const clone = (): Scheme => JSON.parse(JSON.stringify(SCHEME_SDTF_2025)) as Scheme;

describe(schemeChanges.name, () => {
  it('should have words for every parameter of the published shape, never the raw key', () => {
    for (const path of schemeLeaves(SCHEME_SDTF_2025).keys()) {
      const w = parameterLabel(path, SCHEME_SDTF_2025);
      expect({ path, zh: w.zh === path, en: w.en === path }).toEqual({ path, zh: false, en: false });
    }
  });

  it('should list each changed parameter with its old and new value in both languages', () => {
    const b = clone();
    const k1 = b.classes.K1;
    if (k1.method === 'peer_trend') k1.trend.zero_at = 0.8;
    b.grades[1].min = 70;
    b.veto.kinds = ['penalty'];
    b.qualitative.inherit_previous_year = false;
    const changes = schemeChanges(SCHEME_SDTF_2025, b);
    expect(changes.map((c) => [c.path, c.subject, c.from.en, c.to.en])).toEqual([
      ['classes.K1.trend.zero_at', 'K1', '0.9', '0.8'],
      ['qualitative.inherit_previous_year', null, 'yes', 'no'],
      ['veto.kinds', null, 'penalty, falsified_data', 'penalty'],
      ['grades.good.min', null, '75', '70'],
    ]);
    expect(changes[0].label).toEqual({ zh: '自身趋势零分点', en: 'own trend: no points at' });
    expect(changes[3].label.zh).toBe('等级「良好」最低综合得分');
    expect(changes[1].to.zh).toBe('否');
  });

  it('should find nothing between a version and itself', () => {
    expect(schemeChanges(SCHEME_SDTF_2025, clone())).toEqual([]);
  });
});

describe(withParameter.name, () => {
  it('should take exactly one parameter from the draft', () => {
    const d = clone();
    d.peer_trend.trend_quarters = 2;
    d.grades[0].min = 85;
    d.classes.K9 = { ...d.classes.K9, weight: 9 };
    const one = withParameter(SCHEME_SDTF_2025, d, 'grades.excellent.min');
    expect(schemeChanges(SCHEME_SDTF_2025, one).map((c) => c.path)).toEqual(['grades.excellent.min']);
    const two = withParameter(SCHEME_SDTF_2025, d, 'peer_trend.trend_quarters');
    expect(schemeChanges(SCHEME_SDTF_2025, two).map((c) => c.path)).toEqual(['peer_trend.trend_quarters']);
  });

  it('should remove an optional parameter the draft does not have', () => {
    const base = { ...clone(), composite_tolerance: 1e-6 };
    const out = withParameter(base, clone(), 'composite_tolerance');
    expect('composite_tolerance' in out).toBe(false);
  });
});
