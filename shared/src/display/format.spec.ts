import {
  BP_UNIT,
  DASH,
  classUnitLabel,
  formatBp,
  formatClassValue,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatSigned,
  moneyScaleById,
  moneyScaleFor,
} from './format';

describe('display format', () => {
  describe(formatMoney.name, () => {
    it.each([
      [1234567890, '12.35 亿元'],
      [100000000, '1.00 亿元'],
      [99999999, '10,000.00 万元'],
      [73210500, '7,321.05 万元'],
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
      [-3e9, 'CNY -3.00 bn'],
    ])('should write %p yuan as %p in English', (v, out) => {
      expect(formatMoney(v, 'en')).toBe(out);
    });

    it('should keep a fixed scale for every cell of a column', () => {
      const scale = moneyScaleById('yi');
      expect(formatMoney(73210500, 'zh-CN', { scale })).toBe('0.73 亿元');
      expect(formatMoney(123456789012, 'zh-CN', { scale })).toBe(
        '1,234.57 亿元',
      );
      expect(formatMoney(73210500, 'zh-CN', { scale, bare: true })).toBe(
        '0.73',
      );
      expect(
        formatMoney(73210500, 'en', { scale: moneyScaleById('yi', 'en') }),
      ).toBe('CNY 0.07 bn');
    });

    it('should drop trailing zeros inside a sentence but keep the separators', () => {
      expect(formatMoney(3.2e8, 'zh-CN', { trim: true })).toBe('3.2 亿元');
      expect(formatMoney(1e7, 'zh-CN', { trim: true })).toBe('1,000 万元');
      expect(formatMoney(73210500, 'zh-CN', { trim: true })).toBe(
        '7,321.05 万元',
      );
      expect(formatMoney(3.2e8, 'en', { trim: true })).toBe('CNY 320 m');
    });

    it('should accept the number of decimals as the third argument', () => {
      expect(formatMoney(123456789, 'zh-CN', 1)).toBe('1.2 亿元');
    });

    it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])(
      'should write %p as a dash',
      (v) => {
        expect(formatMoney(v)).toBe(DASH);
      },
    );
  });

  describe(moneyScaleFor.name, () => {
    it('should pick the scale of the median magnitude so a column never mixes units', () => {
      const col = [73210500, 2.5e8, 3.1e8, 9.9e9, null];
      const scale = moneyScaleFor(col);
      expect(scale.unit).toBe('亿元');
      expect(col.map((v) => formatMoney(v, 'zh-CN', { scale }))).toEqual([
        '0.73 亿元',
        '2.50 亿元',
        '3.10 亿元',
        '99.00 亿元',
        DASH,
      ]);
    });

    it('should use 万元 when most amounts are below 1 亿元, with separators above', () => {
      const scale = moneyScaleFor([5e6, 7e6, 2e9]);
      expect(scale.unit).toBe('万元');
      expect(formatMoney(2e9, 'zh-CN', { scale })).toBe('200,000.00 万元');
    });

    it('should use the English units in English', () => {
      expect(moneyScaleFor([5e6, 7e6, 2e9], 'en').unit).toBe('CNY m');
      expect(moneyScaleFor([], 'en').unit).toBe('CNY');
    });
  });

  describe(formatPercent.name, () => {
    it('should write a value already in percent with one decimal by default', () => {
      expect(formatPercent(42.349)).toBe('42.3%');
      expect(formatPercent(42.35, 2)).toBe('42.35%');
      expect(formatPercent(1234.5)).toBe('1,234.5%');
      expect(formatPercent(null)).toBe(DASH);
    });
  });

  describe(formatPp.name, () => {
    it('should sign percentage points and name the unit per language', () => {
      expect(formatPp(1.2)).toBe('+1.20 个百分点');
      expect(formatPp(-0.456, 'en')).toBe('-0.46 pp');
      expect(formatPp(0)).toBe('0.00 个百分点');
      expect(formatPp(-0.001)).toBe('0.00 个百分点');
    });
  });

  describe(formatBp.name, () => {
    it('should sign basis points and write bp in both languages', () => {
      expect(formatBp(-12.34)).toBe('-12.3 bp');
      expect(formatBp(5, 'en')).toBe('+5.0 bp');
      expect(formatBp(-12.34, 'zh-CN')).toBe(formatBp(-12.34, 'en'));
      expect(BP_UNIT).toBe('bp');
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
      ['K9', -20, '-20.0 bp'],
      ['K10', 1.5, '1.50%'],
    ] as const)('should write %s = %p as %p', (code, v, out) => {
      expect(formatClassValue(code, v)).toBe(out);
    });

    it('should write K1 in a given column scale', () => {
      expect(
        formatClassValue('K1', 73210500, 'zh-CN', moneyScaleById('yi')),
      ).toBe('0.73 亿元');
    });

    it('should write a null value as a dash whatever the class', () => {
      expect(formatClassValue('K6', null)).toBe(DASH);
    });
  });

  describe(classUnitLabel.name, () => {
    it.each([
      ['K1', 'zh-CN', '亿元'],
      ['K1', 'en', 'CNY bn'],
      ['K3', 'en', 'pp'],
      ['K5', 'zh-CN', '户'],
      ['K9', 'zh-CN', 'bp'],
      ['K2', 'en', '%'],
    ] as const)('should name the unit of %s in %s as %p', (code, lang, out) => {
      expect(classUnitLabel(code, lang)).toBe(out);
    });
  });

  describe(formatSigned.name, () => {
    it('should put a plus on positive numbers only', () => {
      expect(formatSigned(3)).toBe('+3');
      expect(formatSigned(-2)).toBe('-2');
      expect(formatSigned(0)).toBe('0');
      expect(formatNumber(1234.5, 1)).toBe('1,234.5');
      expect(formatNumber(-0.004, 2)).toBe('0.00');
    });
  });
});
