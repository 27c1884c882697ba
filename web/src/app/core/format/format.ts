import type { ClassCode } from '@sci/shared';
import type { Lang } from '../i18n/i18n.store';

/**
 * Number formatting for the dashboard. Digits follow zh-CN conventions (grouping by thousands,
 * money in 万元 / 亿元 as Chinese reports write it); English gets CNY m / bn. Pure functions so
 * pipes, chart tooltips and CSV-like labels share one implementation.
 */
export const DASH = '—';

const nfCache = new Map<number, Intl.NumberFormat>();
function nf(digits: number): Intl.NumberFormat {
  let f = nfCache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    nfCache.set(digits, f);
  }
  return f;
}

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A plain number with thousands grouping and fixed decimals. */
export function formatNumber(v: number | null | undefined, digits = 0): string {
  return isNum(v) ? nf(digits).format(v) : DASH;
}

/** Money in yuan: `12.35 亿元`, `1,234.57 万元`, `999.00 元`; en: `CNY 1.24 bn`, `CNY 12.35 m`. */
export function formatMoney(
  yuan: number | null | undefined,
  lang: Lang = 'zh-CN',
  digits = 2,
): string {
  if (!isNum(yuan)) return DASH;
  const a = Math.abs(yuan);
  if (lang === 'en') {
    if (a >= 1e9) return `CNY ${nf(digits).format(yuan / 1e9)} bn`;
    if (a >= 1e6) return `CNY ${nf(digits).format(yuan / 1e6)} m`;
    return `CNY ${nf(0).format(yuan)}`;
  }
  if (a >= 1e8) return `${nf(digits).format(yuan / 1e8)} 亿元`;
  if (a >= 1e4) return `${nf(digits).format(yuan / 1e4)} 万元`;
  return `${nf(digits).format(yuan)} 元`;
}

/** A value already in percent (0-100): `42.3%`. */
export function formatPercent(
  v: number | null | undefined,
  digits = 1,
): string {
  return isNum(v) ? `${nf(digits).format(v)}%` : DASH;
}

function signed(v: number, digits: number): string {
  const s = nf(digits).format(Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `-${s}` : s;
}

/** Percentage points, signed: `+1.20 个百分点` / `+1.20 pp`. */
export function formatPp(
  v: number | null | undefined,
  lang: Lang = 'zh-CN',
  digits = 2,
): string {
  if (!isNum(v)) return DASH;
  return `${signed(v, digits)} ${lang === 'en' ? 'pp' : '个百分点'}`;
}

/** Basis points, signed: `-12.5 BP`. */
export function formatBp(
  v: number | null | undefined,
  lang: Lang = 'zh-CN',
  digits = 1,
): string {
  if (!isNum(v)) return DASH;
  return `${signed(v, digits)} ${lang === 'en' ? 'bp' : 'BP'}`;
}

/** Points of a score: `87.65`. */
export function formatScore(v: number | null | undefined, digits = 2): string {
  return formatNumber(v, digits);
}

/** A count of borrowers: `1,234 户` / `1,234`. */
export function formatCount(
  v: number | null | undefined,
  lang: Lang = 'zh-CN',
): string {
  if (!isNum(v)) return DASH;
  return lang === 'en' ? nf(0).format(v) : `${nf(0).format(v)} 户`;
}

export type ClassUnit = 'money' | 'percent' | 'pp' | 'count' | 'bp';

/** The unit of each indicator class's value (scoring.md section 2). */
export const CLASS_UNIT: Record<ClassCode, ClassUnit> = {
  K1: 'money',
  K2: 'percent',
  K3: 'pp',
  K4: 'percent',
  K5: 'count',
  K6: 'percent',
  K7: 'percent',
  K8: 'percent',
  K9: 'bp',
  K10: 'percent',
};

/** Classes where a lower value is better (K9 pricing, K10 NPL). */
export const LOWER_IS_BETTER: ReadonlySet<ClassCode> = new Set<ClassCode>([
  'K9',
  'K10',
]);

/** An indicator value in its class's unit. */
export function formatClassValue(
  code: ClassCode,
  v: number | null | undefined,
  lang: Lang = 'zh-CN',
): string {
  switch (CLASS_UNIT[code]) {
    case 'money':
      return formatMoney(v, lang);
    case 'percent':
      return formatPercent(v, 2);
    case 'pp':
      return formatPp(v, lang);
    case 'count':
      return formatCount(v, lang);
    case 'bp':
      return formatBp(v, lang);
  }
}

/** Signed integer change, e.g. a rank movement: `+3`, `-2`, `0`. */
export function formatSigned(v: number | null | undefined, digits = 0): string {
  return isNum(v) ? signed(v, digits) : DASH;
}

/** An ISO time as local `YYYY-MM-DD HH:mm` (the format Chinese offices write). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A duration in ms as `1.2 s`, `3 min 5 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (!isNum(ms)) return DASH;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}
