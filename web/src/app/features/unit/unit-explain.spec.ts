import { TestBed } from '@angular/core/testing';
import type { ExplainClass } from '@sci/shared';
import { I18nStore } from '../../core/i18n/i18n.store';
import { explainClass, formatPart } from './unit-explain';

const base: ExplainClass = {
  code: 'K2',
  name: { zh: '科技贷款占比', en: 'Tech loan share' },
  unit: '%',
  method: 'peer_trend',
  better: 'higher',
  value: 42.3,
  numerator: 423_000_000,
  denominator: 1_000_000_000,
  weight: 10,
  f: 0.79,
  points: 7.9,
  peerSize: 12,
  H: 0.75,
  P: 0.875,
  m: 40.1,
  V: 1,
  trendValues: [],
};

describe(explainClass.name, () => {
  let i18n: I18nStore;
  const t = (
    k: string,
    p?: Record<string, string | number | null | undefined>,
  ): string => i18n.t(k, p);
  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nStore);
  });

  it('should say how a peer-and-trend class became points', () => {
    const s = explainClass(base, 1.2, 'zh-CN', t, 3);
    expect(s).toContain('指标值 42.30%');
    expect(s).toContain('在 12 家可比机构中优于 75% 的机构');
    expect(s).toContain('m = 40.10%');
    expect(s).toContain('得 7.90 / 10 分');
  });

  it('should say when there is no history for the trend', () => {
    expect(
      explainClass({ ...base, m: null, V: 0.5 }, 1.2, 'zh-CN', t, 3),
    ).toContain('趋势部分 V 按 0.500 计');
  });

  it('should explain the NPL band with the unit’s own tolerance', () => {
    const k10: ExplainClass = {
      ...base,
      code: 'K10',
      method: 'npl_band',
      better: 'lower',
      value: 5.5,
      f: 0,
      points: 0,
      weight: 6,
    };
    const s = explainClass(k10, 2, 'zh-CN', t, 3);
    expect(s).toContain('NA = 2.00%');
    expect(s).toContain('= 5.00%');
    expect(s).toContain('超过容忍上限');
    // the run's scheme decides the band: 1.5 pp gives T = 3.5 %
    const narrow = explainClass(k10, 2, 'zh-CN', t, 1.5);
    expect(narrow).toMatch(/NA \+ 1\.50? 个百分点 = 3\.50%/);
  });

  it('should explain growth below all loans in English', () => {
    i18n.setLang('en');
    const k3: ExplainClass = {
      ...base,
      code: 'K3',
      method: 'growth_target',
      value: -3.2,
      f: 0.6,
      points: 6,
    };
    expect(explainClass(k3, null, 'en', t, 3)).toContain(
      'slower than all loans',
    );
  });

  it('should write money parts in 亿元 and borrower counts in 户', () => {
    expect(formatPart('K2', 423_000_000, 'zh-CN')).toBe('4.23 亿元');
    expect(formatPart('K6', 37, 'zh-CN')).toBe('37 户');
  });
});
