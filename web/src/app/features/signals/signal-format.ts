import type { SignalItem } from '@sci/shared';
import { formatNumber, formatPercent } from '../../core/format/format';

/** A signal's measured value or threshold in its own measure: `5.7%` or `3`. */
export function formatSignalMeasure(
  s: Pick<SignalItem, 'measure'>,
  v: number,
): string {
  return s.measure === 'pct' ? formatPercent(v, 1) : formatNumber(v, 0);
}

/** A rate in 1/10000 percent as a percent with two decimals: 36000 → `3.60%`. */
export function formatRateE4(rateE4: number): string {
  return formatPercent(rateE4 / 10_000, 2);
}
