import { TestBed } from '@angular/core/testing';
import { I18nStore } from '../i18n/i18n.store';
import { moneyScaleById } from './format';
import { ClassValuePipe, MoneyPipe, PpPipe } from './format.pipes';

describe(MoneyPipe.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [MoneyPipe, PpPipe, ClassValuePipe],
    });
  });

  it('should follow the language switch', () => {
    const pipe = TestBed.runInInjectionContext(() => new MoneyPipe());
    expect(pipe.transform(2.5e8)).toBe('2.50 亿元');
    TestBed.inject(I18nStore).setLang('en');
    expect(pipe.transform(2.5e8)).toBe('CNY 250.00 m');
  });

  it('should format a class value in its unit', () => {
    const pipe = TestBed.runInInjectionContext(() => new ClassValuePipe());
    expect(pipe.transform(-12, 'K9')).toBe('-12.0 bp');
    expect(pipe.transform(30, 'K7')).toBe('30.00%');
  });

  it('should keep a column in the scale it was given, in the current language', () => {
    const pipe = TestBed.runInInjectionContext(() => new MoneyPipe());
    const scale = moneyScaleById('yi');
    expect(pipe.transform(73210500, scale)).toBe('0.73 亿元');
    TestBed.inject(I18nStore).setLang('en');
    expect(pipe.transform(73210500, scale)).toBe('CNY 0.07 bn');
  });

  it('should sign percentage points', () => {
    const pipe = TestBed.runInInjectionContext(() => new PpPipe());
    expect(pipe.transform(0.5)).toBe('+0.50 个百分点');
  });
});
