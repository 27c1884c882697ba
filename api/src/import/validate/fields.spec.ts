import { date, FieldError, flag, money, period, rate, text } from './fields';

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
