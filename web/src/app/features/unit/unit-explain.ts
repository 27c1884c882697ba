import type { ClassCode, ExplainClass } from '@sci/shared';
import {
  formatClassValue,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
} from '../../core/format/format';
import type { Lang } from '../../core/i18n/i18n.store';

type T = (
  key: string,
  params?: Record<string, string | number | null | undefined>,
) => string;

// K3's parts are the baselines S0 and A0 (yuan); K9's the mean rates rT and rA (percent).
const MONEY_PARTS: ReadonlySet<ClassCode> = new Set<ClassCode>([
  'K1',
  'K2',
  'K3',
  'K4',
  'K7',
  'K8',
  'K10',
]);

/** Names of the parts where the unit alone does not say what they are. */
export const PART_NAMES: Partial<Record<ClassCode, [string, string]>> = {
  K3: ['S₀', 'A₀'],
  K9: ['rT', 'rA'],
};
const COUNT_PARTS: ReadonlySet<ClassCode> = new Set<ClassCode>(['K5', 'K6']);

/** Numerator and denominator in their own unit (yuan for money shares, borrowers for K6). */
export function formatPart(
  code: ClassCode,
  v: number | null,
  lang: Lang,
): string {
  if (v === null) return '—';
  if (MONEY_PARTS.has(code)) return formatMoney(v, lang);
  if (COUNT_PARTS.has(code)) return formatCount(v, lang);
  if (code === 'K9') return formatPercent(v, 4);
  return formatNumber(v, 4);
}

const num = (v: number | null | undefined, d = 2): string =>
  formatNumber(v ?? null, d);

/**
 * One class of the explanation in plain words: what was measured, how it compares with peers and
 * with the unit's own recent quarters, and how that became points. Built from the explain
 * response only, so it stays true whatever the scheme version's parameters are.
 */
export function explainClass(
  c: ExplainClass,
  nplRatioAll: number | null,
  lang: Lang,
  t: T,
  /** K10's tolerance_pp of the run's scheme (null until the scheme is loaded) */
  tolerancePp: number | null,
): string {
  const value = formatClassValue(c.code, c.value, lang);
  const pts = {
    points: num(c.points),
    weight: num(c.weight, 0),
    f: num(c.f, 3),
  };
  if (c.value === null && c.method !== 'growth_target')
    return t('explain.null', pts);
  const parts: string[] = [];
  if (c.method === 'peer_trend') {
    parts.push(t('explain.value', { value }));
    if (c.peerSize !== null && c.H !== null) {
      const better = formatPercent((c.H ?? 0) * 100, 0);
      parts.push(
        t('explain.peer', {
          n: c.peerSize,
          better,
          H: num(c.H, 3),
          P: num(c.P, 3),
        }),
      );
    }
    parts.push(
      c.m === null
        ? t('explain.noTrend', { V: num(c.V, 3) })
        : t('explain.trend', {
            m: formatClassValue(c.code, c.m, lang),
            V: num(c.V, 3),
          }),
    );
    parts.push(t('explain.points', pts));
  } else if (c.method === 'growth_target') {
    parts.push(
      c.value === null
        ? t('explain.growthNull')
        : t('explain.growth', { value: formatPp(c.value, lang) }),
    );
    parts.push(
      c.f >= 1
        ? t('explain.growthFull')
        : c.f <= 0
          ? t('explain.growthZero')
          : t('explain.growthPart', pts),
    );
    parts.push(t('explain.points', pts));
  } else {
    const T =
      nplRatioAll === null || tolerancePp === null
        ? null
        : nplRatioAll + tolerancePp;
    parts.push(
      t('explain.npl', {
        value,
        NA: formatPercent(nplRatioAll, 2),
        tol: tolerancePp === null ? '—' : formatNumber(tolerancePp, 2),
        T: formatPercent(T, 2),
      }),
    );
    parts.push(
      c.f >= 1
        ? t('explain.nplFull')
        : c.f <= 0
          ? t('explain.nplZero')
          : t('explain.nplPart', pts),
    );
    parts.push(t('explain.points', pts));
  }
  return parts.join(lang === 'en' ? ' ' : '');
}
