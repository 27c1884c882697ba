import type { ClassCode } from '@sci/shared';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../core/format/format';
import type { Lang } from '../../core/i18n/i18n.store';

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
