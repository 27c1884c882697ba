import { formatRateE4, formatSignalMeasure } from './signal-format';

describe('signal formatting', () => {
  it('should show a share as a percent and a count as a whole number', () => {
    expect(formatSignalMeasure({ measure: 'pct' }, 5.6605)).toBe('5.7%');
    expect(formatSignalMeasure({ measure: 'count' }, 3)).toBe('3');
  });

  it('should show a rate in 1/10000 percent with two decimals', () => {
    expect(formatRateE4(36_000)).toBe('3.60%');
    expect(formatRateE4(12_000)).toBe('1.20%');
  });
});
