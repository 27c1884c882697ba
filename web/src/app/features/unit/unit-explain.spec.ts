import { TestBed } from '@angular/core/testing';
import type { ExplainClass, ExplainResponse } from '@sci/shared';
import { I18nStore } from '../../core/i18n/i18n.store';
import { ClassExplainTableComponent } from './class-explain-table.component';
import { formatPart } from './unit-explain';

const k2: ExplainClass = {
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
  why: {
    zh: '科技贷款占比 42.3%，高于同组 75% 的机构；比前3个季度均值高 2.2 个百分点，趋势满分；得 7.9 / 10 分',
    en: 'Tech loan share 42.3%, higher than 75% of its 11 peers; 2.2 pp above its previous 3-quarter mean, full trend marks; 7.9 of 10 points',
  },
};

describe(formatPart.name, () => {
  it('should write money parts in 亿元 and borrower counts in 户', () => {
    expect(formatPart('K2', 423_000_000, 'zh-CN')).toBe('4.23 亿元');
    expect(formatPart('K6', 37, 'zh-CN')).toBe('37 户');
  });
});

describe(ClassExplainTableComponent.name, () => {
  beforeEach(() => localStorage.clear());

  function render(): HTMLElement {
    const f = TestBed.createComponent(ClassExplainTableComponent);
    f.componentRef.setInput('explain', { classes: [k2], nplRatioAll: 1.2 } as unknown as ExplainResponse);
    f.detectChanges();
    return f.nativeElement as HTMLElement;
  }

  it('should show the why in words in the table and the symbols only in the expandable part', () => {
    const el = render();
    const why = el.querySelector('[data-testid="why"]')?.textContent ?? '';
    expect(why).toContain('高于同组 75% 的机构');
    const table = el.querySelector('[data-testid="explain-table"]')?.textContent ?? '';
    expect(table).not.toMatch(/\bH\b|\bV\b/);
    const how = el.querySelector('[data-testid="explain-how"]') as HTMLDetailsElement;
    expect(how.open).toBe(false);
    expect(how.textContent).toContain('H');
  });

  it('should follow the language', () => {
    TestBed.inject(I18nStore).setLang('en');
    expect(render().querySelector('[data-testid="why"]')?.textContent).toContain('higher than 75% of its 11 peers');
  });
});
