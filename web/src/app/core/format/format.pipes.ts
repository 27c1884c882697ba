import { Pipe, PipeTransform, inject } from '@angular/core';
import type { ClassCode } from '@sci/shared';
import { I18nStore, type Lang } from '../i18n/i18n.store';
import {
  formatBp,
  formatClassValue,
  formatCount,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatScore,
} from './format';

/**
 * Pipes whose text depends on the language (unit words). Impure so a language switch reaches
 * OnPush views, but memoised on (value, arg, lang) so a table re-check formats nothing twice.
 */
abstract class LangPipe<A> implements PipeTransform {
  private readonly i18n = inject(I18nStore);
  private last?: { v: unknown; a: unknown; lang: Lang; out: string };

  protected abstract format(
    v: number | null | undefined,
    lang: Lang,
    arg: A | undefined,
  ): string;

  transform(v: number | null | undefined, arg?: A): string {
    const lang = this.i18n.lang();
    const l = this.last;
    if (l && l.v === v && l.a === arg && l.lang === lang) return l.out;
    const out = this.format(v, lang, arg);
    this.last = { v, a: arg, lang, out };
    return out;
  }
}

/** `{{ yuan | money }}` → 12.35 亿元 */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe extends LangPipe<number> implements PipeTransform {
  protected format(
    v: number | null | undefined,
    lang: Lang,
    digits?: number,
  ): string {
    return formatMoney(v, lang, digits ?? 2);
  }
}

/** `{{ pct | pp }}` → +1.20 个百分点 */
@Pipe({ name: 'pp', pure: false })
export class PpPipe extends LangPipe<number> implements PipeTransform {
  protected format(
    v: number | null | undefined,
    lang: Lang,
    digits?: number,
  ): string {
    return formatPp(v, lang, digits ?? 2);
  }
}

/** `{{ bp | bp }}` → -12.5 BP */
@Pipe({ name: 'bp', pure: false })
export class BpPipe extends LangPipe<number> implements PipeTransform {
  protected format(
    v: number | null | undefined,
    lang: Lang,
    digits?: number,
  ): string {
    return formatBp(v, lang, digits ?? 1);
  }
}

/** `{{ n | count }}` → 1,234 户 */
@Pipe({ name: 'count', pure: false })
export class CountPipe extends LangPipe<never> implements PipeTransform {
  protected format(v: number | null | undefined, lang: Lang): string {
    return formatCount(v, lang);
  }
}

/** `{{ value | kval: 'K2' }}` → the value in its class's unit */
@Pipe({ name: 'kval', pure: false })
export class ClassValuePipe
  extends LangPipe<ClassCode>
  implements PipeTransform
{
  protected format(
    v: number | null | undefined,
    lang: Lang,
    code?: ClassCode,
  ): string {
    return code ? formatClassValue(code, v, lang) : formatNumber(v, 2);
  }
}

/** `{{ pct | pct }}` → 42.3% (language independent, so pure) */
@Pipe({ name: 'pct' })
export class PercentPipe implements PipeTransform {
  transform(v: number | null | undefined, digits = 1): string {
    return formatPercent(v, digits);
  }
}

/** `{{ s | score }}` → 87.65 */
@Pipe({ name: 'score' })
export class ScorePipe implements PipeTransform {
  transform(v: number | null | undefined, digits = 2): string {
    return formatScore(v, digits);
  }
}

/** `{{ n | num: 1 }}` → 1,234.5 */
@Pipe({ name: 'num' })
export class NumberPipe implements PipeTransform {
  transform(v: number | null | undefined, digits = 0): string {
    return formatNumber(v, digits);
  }
}

/** `{{ iso | dt }}` → 2025-12-31 14:05 */
@Pipe({ name: 'dt' })
export class DateTimePipe implements PipeTransform {
  transform(iso: string | null | undefined): string {
    return formatDateTime(iso);
  }
}

export const FORMAT_PIPES = [
  MoneyPipe,
  PpPipe,
  BpPipe,
  CountPipe,
  ClassValuePipe,
  PercentPipe,
  ScorePipe,
  NumberPipe,
  DateTimePipe,
] as const;
