import {
  DASH,
  formatBp,
  formatClassValue,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatSigned,
} from './format';

describe('format', () => {
  describe(formatMoney.name, () => {
    it.each([
      [1234567890, '12.35 亿元'],
      [100000000, '1.00 亿元'],
      [99999999, '10,000.00 万元'],
      [12345678, '1,234.57 万元'],
      [10000, '1.00 万元'],
      [9999.5, '9,999.50 元'],
      [0, '0.00 元'],
      [-250000000, '-2.50 亿元'],
    ])('should write %p yuan as %p in Chinese', (v, out) => {
      expect(formatMoney(v)).toBe(out);
    });

    it.each([
      [1234567890, 'CNY 1.23 bn'],
      [12345678, 'CNY 12.35 m'],
      [5000, 'CNY 5,000'],
    ])('should write %p yuan as %p in English', (v, out) => {
      expect(formatMoney(v, 'en')).toBe(out);
    });

    it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])(
      'should write %p as a dash',
      (v) => {
        expect(formatMoney(v)).toBe(DASH);
      },
    );
  });

  describe(formatPercent.name, () => {
    it('should write a value already in percent with one decimal by default', () => {
      expect(formatPercent(42.349)).toBe('42.3%');
      expect(formatPercent(42.35, 2)).toBe('42.35%');
      expect(formatPercent(null)).toBe(DASH);
    });
  });

  describe(formatPp.name, () => {
    it('should sign percentage points and name the unit per language', () => {
      expect(formatPp(1.2)).toBe('+1.20 个百分点');
      expect(formatPp(-0.456, 'en')).toBe('-0.46 pp');
      expect(formatPp(0)).toBe('0.00 个百分点');
    });
  });

  describe(formatBp.name, () => {
    it('should sign basis points', () => {
      expect(formatBp(-12.34)).toBe('-12.3 BP');
      expect(formatBp(5, 'en')).toBe('+5.0 bp');
    });
  });

  describe(formatCount.name, () => {
    it('should group thousands and add 户 in Chinese only', () => {
      expect(formatCount(1234)).toBe('1,234 户');
      expect(formatCount(1234, 'en')).toBe('1,234');
    });
  });

  describe(formatClassValue.name, () => {
    it.each([
      ['K1', 5e8, '5.00 亿元'],
      ['K2', 51.234, '51.23%'],
      ['K3', 3.5, '+3.50 个百分点'],
      ['K5', 120, '120 户'],
      ['K9', -20, '-20.0 BP'],
      ['K10', 1.5, '1.50%'],
    ] as const)('should write %s = %p as %p', (code, v, out) => {
      expect(formatClassValue(code, v)).toBe(out);
    });

    it('should write a null value as a dash whatever the class', () => {
      expect(formatClassValue('K6', null)).toBe(DASH);
    });
  });

  describe(formatSigned.name, () => {
    it('should put a plus on positive numbers only', () => {
      expect(formatSigned(3)).toBe('+3');
      expect(formatSigned(-2)).toBe('-2');
      expect(formatSigned(0)).toBe('0');
      expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    });
  });
});
