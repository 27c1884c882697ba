import { renderImportMessage } from '@sci/shared';
import { date, FieldError, flag, money, period, rate, text, uscc } from './fields';

const problem = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    return e.message;
  }
};

describe('money', () => {
  it.each([
    ['1234567.89', 123456789],
    ['0', 0],
    ['0.5', 50],
    ['007.10', 710],
    ['-1500.00', -150000],
  ])('should read %s as %d fen', (raw, fen) => {
    expect(money(raw)).toBe(fen);
  });

  it.each([
    ['1.234', /more than 2 decimals/],
    ['1,000', /not an amount/],
    ['1e5', /not an amount/],
    ['', /not an amount/],
    [' 12', /not an amount/],
    ['9999999999999999', /too large/],
  ])('should reject %j', (raw, message) => {
    expect(problem(() => money(raw))).toMatch(message);
  });
});

describe('rate', () => {
  it('should read percent with up to 4 decimals as 1/10000 percent', () => {
    expect([rate('3.4500'), rate('4.2698'), rate('36'), rate('0.0001')]).toEqual([34500, 42698, 360000, 1]);
    expect(problem(() => rate('3.45001'))).toMatch(/more than 4 decimals/);
  });
});

describe('date', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31'])('should accept %s', (d) => {
    expect(date(d)).toBe(d);
  });

  it.each([
    ['2025-02-29', /not a calendar date/],
    ['1900-02-29', /not a calendar date/],
    ['2025-02-30', /not a calendar date/],
    ['2025-13-01', /not a calendar date/],
    ['2025/01/01', /not a date/],
    ['2025-1-1', /not a date/],
  ])('should reject %s', (d, message) => {
    expect(problem(() => date(d))).toMatch(message);
  });
});

describe('period, flag, text', () => {
  it('should accept only the exact forms', () => {
    expect(period('2025Q4')).toBe('2025Q4');
    expect(problem(() => period('2025q4'))).toMatch(/not a period/);
    expect(problem(() => period('2025Q5'))).toMatch(/not a period/);
    expect([flag('Y'), flag('N')]).toEqual([true, false]);
    expect(problem(() => flag('y'))).toMatch(/not a flag/);
    expect(text(3)('山东省')).toBe('山东省');
    expect(problem(() => text(3)('山东省行'))).toMatch(/4 characters long \(at most 3\)/);
    expect(problem(() => text(3)(''))).toMatch(/required/);
  });
});

describe(FieldError.name, () => {
  const coded = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof FieldError) return e.coded;
      throw e;
    }
    return null;
  };

  it('should carry a catalog code and params that render in both languages', () => {
    const m = coded(() => flag('1'))!;
    expect(m).toEqual({ code: 'FIELD_NOT_FLAG', params: { value: '"1"' }, message: '"1" is not a flag (Y or N)' });
    expect(renderImportMessage(m.code, m.params, 'zh-CN')).toBe('"1" 不是标志值（应为 Y 或 N）');
    expect(coded(() => money('1.234'))).toMatchObject({ code: 'FIELD_TOO_MANY_DECIMALS', params: { scale: 2 } });
    expect(coded(() => rate('abc'))?.code).toBe('FIELD_NOT_RATE');
    expect(coded(() => text(3)('abcd'))).toMatchObject({ code: 'FIELD_TOO_LONG', params: { length: 4, max: 3 } });
    expect(coded(() => date('2025-02-30'))?.code).toBe('FIELD_NOT_CALENDAR_DATE');
    expect(coded(() => uscc('9137140006040421'))).toMatchObject({ code: 'USCC_LENGTH', params: { length: 16 } });
  });
});
