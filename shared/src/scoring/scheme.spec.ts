import { SCHEME_SDTF_2025 } from './scheme-sdtf-2025';
import { validateScheme } from './scheme-validate';
import type { Scheme } from './scheme';

/** A deep copy of the default scheme with one change applied. */
function variant(change: (s: Scheme) => void): Scheme {
  const s = JSON.parse(JSON.stringify(SCHEME_SDTF_2025)) as Scheme;
  change(s);
  return s;
}

describe('validateScheme', () => {
  it('should accept the default scheme', () => {
    expect(validateScheme(SCHEME_SDTF_2025)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 42, 'scheme: must be an object'],
    [
      'weights not summing to 80',
      variant((s) => (s.classes.K1.weight = 11)),
      'classes.*.weight + qualitative.max_points: must sum to 100',
    ],
    [
      'a missing class',
      variant((s) => delete (s.classes as Partial<Scheme['classes']>).K7),
      'classes.K7: must be an object',
    ],
    [
      'a class with the wrong method',
      variant((s) => (s.classes.K3 = { ...s.classes.K1 })),
      'classes.K3.method: must be growth_target',
    ],
    [
      'peer and trend shares not summing to 1',
      variant((s) => (s.peer_trend.peer_share = 0.7)),
      'peer_trend.peer_share + trend_share: must sum to 1',
    ],
    [
      'qualitative block weights not summing to 1',
      variant((s) => (s.qualitative.blocks.Q2 = 0.5)),
      'qualitative.blocks: must sum to 1',
    ],
    [
      'grade minimums not descending',
      variant((s) => (s.grades[1].min = 95)),
      'grades[1].min: grade minimums must be strictly descending',
    ],
    [
      'a last grade with a minimum',
      variant((s) => (s.grades[3].min = 0)),
      'grades[3].min: the last grade catches all',
    ],
    [
      'a trend rewarding the wrong direction',
      variant((s) => {
        if (s.classes.K9.method === 'peer_trend') s.classes.K9.trend.full_at = 40;
      }),
      'classes.K9.trend: full_at must be below zero_at',
    ],
    [
      'a share out of range',
      variant((s) => (s.peer_trend.peer_floor = 1.5)),
      'peer_trend.peer_floor: must be within [0, 1]',
    ],
    [
      'an unknown flag',
      variant((s) => ((s.certification.C7.fail_flags as string[]) = ['NOPE'])),
      'certification.C7.fail_flags[0]: must be one of',
    ],
    [
      'a fractional peer minimum',
      variant((s) => (s.peer_group_min_size = 4.5)),
      'peer_group_min_size: must be an integer',
    ],
  ])('should reject %s', (_name, scheme, error) => {
    const errors = validateScheme(scheme);
    expect(errors.some((e) => e.startsWith(error))).toBe(true);
  });
});
