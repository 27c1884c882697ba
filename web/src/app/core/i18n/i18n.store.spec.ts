import { TestBed } from '@angular/core/testing';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { EN } from './dict/en';
import { EN_CERT } from './dict/en-cert';
import { EN_DASH } from './dict/en-dash';
import { EN_ERRORS } from './dict/en-errors';
import { EN_PAGES } from './dict/en-pages';
import { ZH_CN } from './dict/zh-cn';
import { ZH_CN_CERT } from './dict/zh-cn-cert';
import { ZH_CN_DASH } from './dict/zh-cn-dash';
import { ZH_CN_ERRORS } from './dict/zh-cn-errors';
import { ZH_CN_PAGES } from './dict/zh-cn-pages';
import { I18nStore } from './i18n.store';

describe(I18nStore.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({});
  });

  it('should start in Chinese', () => {
    const store = TestBed.inject(I18nStore);
    expect(store.lang()).toBe('zh-CN');
    expect(store.t('grade.excellent')).toBe('优秀');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('should switch to English at run time and tell ng-zorro', () => {
    const store = TestBed.inject(I18nStore);
    const nz = TestBed.inject(NzI18nService);
    store.setLang('en');
    expect(store.t('grade.excellent')).toBe('Excellent');
    expect(nz.getLocaleId()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('should remember the choice for the next visit', () => {
    TestBed.inject(I18nStore).setLang('en');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    expect(TestBed.inject(I18nStore).lang()).toBe('en');
  });

  it('should fill placeholders and fall back to the key for unknown messages', () => {
    const store = TestBed.inject(I18nStore);
    expect(store.t('common.total', { n: 3000 })).toBe('共 3000 条');
    expect(store.t('NO_SUCH_KEY')).toBe('NO_SUCH_KEY');
  });

  it('should have an English text, not blank, for every Chinese message', () => {
    const zh = {
      ...ZH_CN,
      ...ZH_CN_PAGES,
      ...ZH_CN_CERT,
      ...ZH_CN_ERRORS,
      ...ZH_CN_DASH,
    };
    const en: Record<string, string> = {
      ...EN,
      ...EN_PAGES,
      ...EN_CERT,
      ...EN_ERRORS,
      ...EN_DASH,
    };
    for (const key of Object.keys(zh)) expect(en[key]?.trim()).toBeTruthy();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('should write English without Chinese characters, full-width punctuation or curly quotes', () => {
    const en: Record<string, string> = {
      ...EN,
      ...EN_PAGES,
      ...EN_CERT,
      ...EN_ERRORS,
      ...EN_DASH,
    };
    // the language switch names the other language in its own script
    const own = new Set(['shell.language']);
    const bad = Object.entries(en).filter(
      ([k, v]) =>
        !own.has(k) &&
        /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018\u2019\u201c\u201d]/.test(
          v,
        ),
    );
    expect(bad).toEqual([]);
  });
});
