import { baselinePeriod, periodDate, periodRange, shiftPeriod } from './period';

describe('period', () => {
  it.each([
    ['2025Q1', '2025-03-31'],
    ['2025Q2', '2025-06-30'],
    ['2025Q3', '2025-09-30'],
    ['2025Q4', '2025-12-31'],
  ])('should date %s as %s', (p, d) => {
    expect(periodDate(p)).toBe(d);
  });

  it('should shift across years', () => {
    expect(shiftPeriod('2025Q1', 1)).toBe('2024Q4');
    expect(shiftPeriod('2025Q1', 3)).toBe('2024Q2');
    expect(shiftPeriod('2024Q4', -1)).toBe('2025Q1');
    expect(baselinePeriod('2025Q3')).toBe('2024Q4');
    expect(periodRange('2024Q4', '2025Q2')).toEqual(['2024Q4', '2025Q1', '2025Q2']);
  });
});
