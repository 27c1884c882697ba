import type { ClassCode } from '@sci/shared';

/**
 * The dashboard's formatting. Every figure (money, percent, pp, bp, counts) comes from the one
 * formatter in `@sci/shared` (shared/src/display/format.ts) that the API's exports use too; this
 * file re-exports it for the web and adds only what is the browser's own (local date-times).
 */
export {
  DASH,
  BP_UNIT,
  CLASS_UNIT,
  classUnitLabel,
  formatBp,
  formatClassValue,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatScore,
  formatSigned,
  moneyScale,
  moneyScaleById,
  moneyScaleFor,
  moneyUnit,
  ppUnit,
} from '@sci/shared';
export type { ClassUnit, MoneyOptions, MoneyScale } from '@sci/shared';

/** Classes where a lower value is better (K9 pricing, K10 NPL). */
export const LOWER_IS_BETTER: ReadonlySet<ClassCode> = new Set<ClassCode>([
  'K9',
  'K10',
]);

/** An ISO time as local `YYYY-MM-DD HH:mm` (the format Chinese offices write). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A duration in ms as `1.2 s`, `3 min 5 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}
