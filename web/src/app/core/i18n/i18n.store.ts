import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { glossaryMessages } from '@sci/shared';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { EN } from './dict/en';
import { EN_CERT } from './dict/en-cert';
import { EN_DASH } from './dict/en-dash';
import { EN_ERRORS } from './dict/en-errors';
import { EN_LAB } from './dict/en-lab';
import { EN_PAGES } from './dict/en-pages';
import { EN_SIGNALS } from './dict/en-signals';
import { ZH_CN } from './dict/zh-cn';
import { ZH_CN_CERT } from './dict/zh-cn-cert';
import { ZH_CN_DASH } from './dict/zh-cn-dash';
import { ZH_CN_ERRORS } from './dict/zh-cn-errors';
import { ZH_CN_LAB } from './dict/zh-cn-lab';
import { ZH_CN_PAGES } from './dict/zh-cn-pages';
import { ZH_CN_SIGNALS } from './dict/zh-cn-signals';
import { EN_WORDS, ZH_CN_WORDS } from './dict/words';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
/** Every message key; the English dictionaries are typed against the Chinese masters. */
export type MessageKey =
  | keyof typeof ZH_CN
  | keyof typeof ZH_CN_PAGES
  | keyof typeof ZH_CN_CERT
  | keyof typeof ZH_CN_ERRORS
  | keyof typeof ZH_CN_DASH
  | keyof typeof ZH_CN_SIGNALS
  | keyof typeof ZH_CN_LAB
  | keyof typeof ZH_CN_WORDS;

const STORAGE_KEY = 'sci.lang';
// Class, check, flag, grade, level, peer-group, block and outcome names come from the one glossary in shared.
const DICTS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    ...glossaryMessages('zh'),
    ...ZH_CN,
    ...ZH_CN_PAGES,
    ...ZH_CN_CERT,
    ...ZH_CN_ERRORS,
    ...ZH_CN_DASH,
    ...ZH_CN_SIGNALS,
    ...ZH_CN_LAB,
    ...ZH_CN_WORDS,
  },
  en: {
    ...glossaryMessages('en'),
    ...EN,
    ...EN_PAGES,
    ...EN_CERT,
    ...EN_ERRORS,
    ...EN_DASH,
    ...EN_SIGNALS,
    ...EN_LAB,
    ...EN_WORDS,
  },
};

/**
 * The runtime language: one signal that every label reads, so switching re-renders in place
 * without a reload (which @angular/localize's build-time translation could not do).
 * Chinese is the default; English is a courtesy for visitors.
 */
@Injectable({ providedIn: 'root' })
export class I18nStore {
  private readonly nz = inject(NzI18nService);
  private readonly doc = inject(DOCUMENT);
  private readonly state = signal<Lang>(readStoredLang());

  readonly lang = this.state.asReadonly();
  readonly isZh = computed(() => this.state() === 'zh-CN');
  private readonly dict = computed(() => DICTS[this.state()]);

  constructor() {
    this.apply(this.state());
  }

  setLang(lang: Lang): void {
    if (!LANGS.includes(lang)) return;
    this.state.set(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    this.apply(lang);
  }

  toggle(): void {
    this.setLang(this.state() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  /**
   * The message for `key` in the current language, `{name}` placeholders filled from params.
   * An unknown key (e.g. a new API error code) falls back to the key itself, never to blank.
   */
  t(
    key: MessageKey | string,
    params?: Record<string, string | number | null | undefined>,
  ): string {
    const msg = (this.dict() as Record<string, string>)[key] ?? key;
    if (!params) return msg;
    return msg.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      return v === undefined || v === null ? m : String(v);
    });
  }

  /** Whether a message exists, for optional labels such as error codes. */
  has(key: string): boolean {
    return key in this.dict();
  }

  private apply(lang: Lang): void {
    this.nz.setLocale(lang === 'zh-CN' ? zh_CN : en_US);
    this.doc.documentElement.lang = lang;
  }
}

function readStoredLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}
