import { Pipe, PipeTransform, inject } from '@angular/core';
import type { ClassCode } from '@sci/shared';
import { I18nStore, type Lang } from '../i18n/i18n.store';
import type { MoneyOptions, MoneyScale } from '@sci/shared';
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
  moneyScaleById,
  moneyScaleFor,
} from './format';

/**
 * Pipes whose text depends on the language (unit words). Impure so a language switch reaches
 * OnPush views, but memoised on (value, arg, lang) so a table re-check formats nothing twice.
 */
abstract class LangPipe<A, B = never> implements PipeTransform {
  private readonly i18n = inject(I18nStore);
  private last?: {
    v: unknown;
    a: unknown;
    b: unknown;
    lang: Lang;
    out: string;
  };

  protected abstract format(
    v: number | null | undefined,
    lang: Lang,
    arg: A | undefined,
    arg2: B | undefined,
  ): string;

  transform(v: number | null | undefined, arg?: A, arg2?: B): string {
    const lang = this.i18n.lang();
    const l = this.last;
    if (l && l.v === v && l.a === arg && l.b === arg2 && l.lang === lang)
      return l.out;
    const out = this.format(v, lang, arg, arg2);
    this.last = { v, a: arg, b: arg2, lang, out };
    return out;
  }
}

/**
 * `{{ yuan | money }}` → 12.35 亿元; `{{ yuan | money: colScale }}` keeps a column in one unit
 * (a scale from `moneyScaleFor`, given in either language: it follows the switch).
 */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe
  extends LangPipe<number | MoneyScale | MoneyOptions>
  implements PipeTransform
{
  protected format(
    v: number | null | undefined,
    lang: Lang,
    arg?: number | MoneyScale | MoneyOptions,
  ): string {
    return formatMoney(v, lang, moneyOptions(arg, lang));
  }
}

function isScale(a: unknown): a is MoneyScale {
  return typeof a === 'object' && a !== null && 'divisor' in a;
}

function moneyOptions(
  arg: number | MoneyScale | MoneyOptions | undefined,
  lang: Lang,
): MoneyOptions {
  if (typeof arg === 'number') return { digits: arg };
  if (isScale(arg)) return { scale: moneyScaleById(arg.id, lang) };
  if (arg?.scale) return { ...arg, scale: moneyScaleById(arg.scale.id, lang) };
  return arg ?? {};
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

/** `{{ bp | bp }}` → -12.5 bp */
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

/** `{{ value | kval: 'K2' }}` → the value in its class's unit; `kval: 'K1' : colScale` fixes K1's unit */
@Pipe({ name: 'kval', pure: false })
export class ClassValuePipe
  extends LangPipe<ClassCode, MoneyScale>
  implements PipeTransform
{
  protected format(
    v: number | null | undefined,
    lang: Lang,
    code?: ClassCode,
    scale?: MoneyScale,
  ): string {
    if (!code) return formatNumber(v, 2);
    return formatClassValue(
      code,
      v,
      lang,
      scale ? moneyScaleById(scale.id, lang) : undefined,
    );
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

/**
 * The one money scale of a table column, from its rows: `@let s = rows | moneyScale: 'balance'`,
 * then `{{ r.balance | money: s }}` — 万元 and 亿元 never mix in a column.
 */
@Pipe({ name: 'moneyScale' })
export class MoneyScalePipe implements PipeTransform {
  transform<T>(
    rows: readonly T[] | null | undefined,
    key?: keyof T,
  ): MoneyScale {
    const values = (rows ?? []).map((r) =>
      key === undefined
        ? (r as unknown as number)
        : (r[key] as unknown as number | null),
    );
    return moneyScaleFor(values);
  }
}

export const FORMAT_PIPES = [
  MoneyScalePipe,
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
