import type { ClassCode } from '../format/enums';

/**
 * The one formatter for figures a person reads: the web (through pipes and chart labels), the
 * API's exports and PDF reports all call these, so a number reads the same everywhere.
 *
 * - Money is stored in yuan. Chinese writes 万元 / 亿元, English CNY m / bn. A column of money
 *   picks ONE scale for all its cells (`moneyScaleFor`) so 万元 and 亿元 never mix in a column.
 * - Thousands are always grouped (`7,321.05 万元`), in both languages.
 * - Percent values are already in percent (0-100). Percentage points and basis points are signed;
 *   the basis-point unit is `bp` in both languages (Chinese bank reports write bp too).
 *
 * Pure: the language is a parameter, no Intl locale data beyond grouping digits by thousands.
 */
export type DisplayLang = 'zh-CN' | 'en';

export const DASH = '—';

/** One scale of money: what a yuan amount is divided by and how the unit is written. */
export interface MoneyScale {
  readonly id: 'yuan' | 'wan' | 'yi' | 'm' | 'bn';
  readonly divisor: number;
  /** the unit word, e.g. `亿元` or `CNY bn`; English puts `CNY` before the number */
  readonly unit: string;
}

const ZH_SCALES: readonly MoneyScale[] = [
  { id: 'yi', divisor: 1e8, unit: '亿元' },
  { id: 'wan', divisor: 1e4, unit: '万元' },
  { id: 'yuan', divisor: 1, unit: '元' },
];
const EN_SCALES: readonly MoneyScale[] = [
  { id: 'bn', divisor: 1e9, unit: 'CNY bn' },
  { id: 'm', divisor: 1e6, unit: 'CNY m' },
  { id: 'yuan', divisor: 1, unit: 'CNY' },
];

const nfCache = new Map<number, Intl.NumberFormat>();
function nf(digits: number): Intl.NumberFormat {
  let f = nfCache.get(digits);
  if (!f) {
    // 'en-US' only for the digits: comma grouping and a dot, which is also how zh-CN writes them.
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    nfCache.set(digits, f);
  }
  return f;
}

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** `-0.00` reads as a sign without a value: write zero unsigned. */
function fixed(v: number, digits: number): string {
  const s = nf(digits).format(v);
  return /^-[0.,]+$/.test(s) ? s.slice(1) : s;
}

function signed(v: number, digits: number): string {
  const s = fixed(Math.abs(v), digits);
  if (/^[0.,]+$/.test(s)) return s;
  return v > 0 ? `+${s}` : v < 0 ? `-${s}` : s;
}

/** A plain number with thousands grouping and fixed decimals: `1,234.5`. */
export function formatNumber(v: number | null | undefined, digits = 0): string {
  return isNum(v) ? fixed(v, digits) : DASH;
}

/** The scale one amount reads best in: the largest unit it reaches (1e8 亿元, 1e4 万元; 1e9 bn, 1e6 m). */
export function moneyScale(
  yuan: number,
  lang: DisplayLang = 'zh-CN',
): MoneyScale {
  const scales = lang === 'en' ? EN_SCALES : ZH_SCALES;
  const a = Math.abs(yuan);
  return scales.find((s) => a >= s.divisor) ?? scales[scales.length - 1];
}

/**
 * The one scale for a whole column of amounts: the scale of the median non-zero magnitude, so
 * most cells read with few digits and the largest get thousands separators
 * (`12,345.67 万元`) rather than switching unit mid-column.
 */
export function moneyScaleFor(
  values: ReadonlyArray<number | null | undefined>,
  lang: DisplayLang = 'zh-CN',
): MoneyScale {
  const mags = values
    .filter(isNum)
    .map((v) => Math.abs(v))
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  if (mags.length === 0) return moneyScale(0, lang);
  return moneyScale(mags[Math.floor((mags.length - 1) / 2)], lang);
}

/** The same magnitude in each language: 万元 ↔ CNY m, 亿元 ↔ CNY bn (the nearest English unit). */
const SAME_SCALE: Record<
  MoneyScale['id'],
  Record<DisplayLang, MoneyScale['id']>
> = {
  yuan: { 'zh-CN': 'yuan', en: 'yuan' },
  wan: { 'zh-CN': 'wan', en: 'm' },
  m: { 'zh-CN': 'wan', en: 'm' },
  yi: { 'zh-CN': 'yi', en: 'bn' },
  bn: { 'zh-CN': 'yi', en: 'bn' },
};

/** The scale with the given id in a language (`wan` in English becomes `m`, `yi` becomes `bn`). */
export function moneyScaleById(
  id: MoneyScale['id'],
  lang: DisplayLang = 'zh-CN',
): MoneyScale {
  const scales = lang === 'en' ? EN_SCALES : ZH_SCALES;
  const want = SAME_SCALE[id][lang];
  return scales.find((s) => s.id === want) ?? scales[scales.length - 1];
}

export interface MoneyOptions {
  /** decimals; default 2 (0 for plain yuan in English, where cents are noise) */
  digits?: number;
  /** a fixed scale, e.g. the column's from `moneyScaleFor`; default the amount's own */
  scale?: MoneyScale;
  /** write the number only (the unit is in the column header) */
  bare?: boolean;
  /** drop trailing zeros of the decimals, for amounts inside a sentence (`3.2 亿元`, `1,000 万元`) */
  trim?: boolean;
}

/**
 * Money in yuan: `12.35 亿元`, `1,234.57 万元`, `999.00 元`; en: `CNY 1.24 bn`, `CNY 12.35 m`,
 * `CNY 5,000`. With `scale` every amount of a column uses the same unit.
 */
export function formatMoney(
  yuan: number | null | undefined,
  lang: DisplayLang = 'zh-CN',
  opts: MoneyOptions | number = {},
): string {
  if (!isNum(yuan)) return DASH;
  const o: MoneyOptions = typeof opts === 'number' ? { digits: opts } : opts;
  const scale = o.scale ?? moneyScale(yuan, lang);
  const digits = o.digits ?? (lang === 'en' && scale.id === 'yuan' ? 0 : 2);
  let n = fixed(yuan / scale.divisor, digits);
  if (o.trim && n.includes('.')) n = n.replace(/\.?0+$/, '');
  if (o.bare) return n;
  if (lang === 'en') {
    return scale.id === 'yuan' ? `CNY ${n}` : `CNY ${n} ${scale.unit.slice(4)}`;
  }
  return `${n} ${scale.unit}`;
}

/** The unit word of a money scale for a header: `亿元`, `CNY bn`. */
export function moneyUnit(scale: MoneyScale): string {
  return scale.unit;
}

/** A value already in percent (0-100): `42.3%`. */
export function formatPercent(
  v: number | null | undefined,
  digits = 1,
): string {
  return isNum(v) ? `${fixed(v, digits)}%` : DASH;
}

/** Percentage points, signed: `+1.20 个百分点` / `+1.20 pp`. */
export function formatPp(
  v: number | null | undefined,
  lang: DisplayLang = 'zh-CN',
  digits = 2,
): string {
  if (!isNum(v)) return DASH;
  return `${signed(v, digits)} ${ppUnit(lang)}`;
}

/** The percentage-point unit word: `个百分点` / `pp`. */
export function ppUnit(lang: DisplayLang): string {
  return lang === 'en' ? 'pp' : '个百分点';
}

/** Basis points, signed: `-12.5 bp` in both languages. */
export function formatBp(
  v: number | null | undefined,
  _lang: DisplayLang = 'zh-CN',
  digits = 1,
): string {
  if (!isNum(v)) return DASH;
  return `${signed(v, digits)} ${BP_UNIT}`;
}

/** The basis-point unit, the same in both languages. */
export const BP_UNIT = 'bp';

/** Points of a score: `87.65`. */
export function formatScore(v: number | null | undefined, digits = 2): string {
  return formatNumber(v, digits);
}

/** A count of borrowers: `1,234 户` / `1,234`. */
export function formatCount(
  v: number | null | undefined,
  lang: DisplayLang = 'zh-CN',
): string {
  if (!isNum(v)) return DASH;
  return lang === 'en' ? fixed(v, 0) : `${fixed(v, 0)} 户`;
}

/** Signed change, e.g. a rank movement: `+3`, `-2`, `0`. */
export function formatSigned(v: number | null | undefined, digits = 0): string {
  return isNum(v) ? signed(v, digits) : DASH;
}

export type ClassUnit = 'money' | 'percent' | 'pp' | 'count' | 'bp';

/** The unit of each indicator class's value (scoring.md section 2). */
export const CLASS_UNIT: Readonly<Record<ClassCode, ClassUnit>> = {
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

/** An indicator value in its class's unit; `scale` fixes K1's money unit for a column. */
export function formatClassValue(
  code: ClassCode,
  v: number | null | undefined,
  lang: DisplayLang = 'zh-CN',
  scale?: MoneyScale,
): string {
  switch (CLASS_UNIT[code]) {
    case 'money':
      return formatMoney(v, lang, { scale });
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

/**
 * The unit of a class's axis or header: K1 in the given money scale (default 亿元 / CNY bn),
 * K5 户 (none in English), K9 bp, K3 个百分点 / pp, else %.
 */
export function classUnitLabel(
  code: ClassCode,
  lang: DisplayLang = 'zh-CN',
  scale: MoneyScale = moneyScaleById('yi', lang),
): string {
  switch (CLASS_UNIT[code]) {
    case 'money':
      return scale.unit;
    case 'percent':
      return '%';
    case 'pp':
      return ppUnit(lang);
    case 'count':
      return lang === 'en' ? 'borrowers' : '户';
    case 'bp':
      return BP_UNIT;
  }
}
