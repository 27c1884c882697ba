import type { Flag, Grade } from '../format/enums';
import type { PenaltyRow } from '../format/rows';
import { SCHEME } from './builders.spec-helper';
import { daysFromCivil, finalGrade, gradeOf, vetoApplies } from './grade';

describe('daysFromCivil', () => {
  it.each<[string, number]>([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2025-12-31', 20453],
  ])('should count the days of %s', (d, days) => {
    expect(daysFromCivil(d)).toBe(days);
  });
});

describe('gradeOf', () => {
  it.each<[number, Grade]>([
    [100, 'excellent'],
    [90, 'excellent'],
    // float noise just under a line still reaches it (composite + 1e-9)
    [90 - 1e-12, 'excellent'],
    [89.99, 'good'],
    [75, 'good'],
    [0.1 + 0.2 + 74.7, 'good'],
    [75 - 5e-10, 'good'],
    [75 - 2e-9, 'pass'],
    [60, 'pass'],
    [59.999, 'improve'],
    [0, 'improve'],
  ])('should grade %p as %s', (composite, grade) => {
    expect(gradeOf(composite, SCHEME)).toBe(grade);
  });
});

describe('finalGrade', () => {
  it.each<[number, Flag[], Grade]>([
    [95, ['NPL_OVER_TOLERANCE'], 'pass'],
    [80, ['NPL_OVER_TOLERANCE'], 'pass'],
    [65, ['NPL_OVER_TOLERANCE'], 'pass'],
    [50, ['NPL_OVER_TOLERANCE'], 'improve'],
    [95, ['VETO'], 'improve'],
    [95, ['NPL_OVER_TOLERANCE', 'VETO'], 'improve'],
    [95, ['QUAL_INHERITED'], 'excellent'],
  ])('should grade %p with %p as %s', (composite, flags, grade) => {
    expect(finalGrade(composite, flags, SCHEME)).toBe(grade);
  });
});

describe('vetoApplies', () => {
  const penalty = (decidedOn: string, fields: Partial<PenaltyRow> = {}): PenaltyRow[] => [
    { institutionCode: 'U', decidedOn, kind: 'penalty', reference: 'r', ...fields },
  ];
  it.each<[string, PenaltyRow[], boolean]>([
    ['decided on d', penalty('2025-12-31'), true],
    ['decided d - 364 days', penalty('2025-01-01'), true],
    ['decided d - 365 days (excluded)', penalty('2024-12-31'), false],
    ['decided after d', penalty('2026-01-01'), false],
    ['falsified data', penalty('2025-06-01', { kind: 'falsified_data' }), true],
    [
      'against another unit (a child is not its parent)',
      penalty('2025-06-01', { institutionCode: 'U-01' }),
      false,
    ],
  ])('should decide the veto at 2025-12-31: %s', (_name, penalties, expected) => {
    expect(vetoApplies('U', '2025-12-31', penalties, SCHEME)).toBe(expected);
  });

  it('should count 365 days across a leap day', () => {
    // 2024-06-30 - 365 days = 2023-07-01 (2024 has 29 February)
    expect(vetoApplies('U', '2024-06-30', penalty('2023-07-01'), SCHEME)).toBe(false);
    expect(vetoApplies('U', '2024-06-30', penalty('2023-07-02'), SCHEME)).toBe(true);
  });
});
