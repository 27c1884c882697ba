import { SCHEME_SDTF_2025, validateScheme } from '@sci/shared';
import { draftFields, placeProblems, setParameter } from './draft-editor';

describe(draftFields.name, () => {
  it('should offer every policy number, never the class methods', () => {
    const paths = draftFields(SCHEME_SDTF_2025).map((f) => f.path);
    expect(paths).toContain('classes.K1.weight');
    expect(paths).toContain('classes.K9.floor');
    expect(paths).toContain('peer_trend.trend_quarters');
    expect(paths).toContain('grades.good.min');
    expect(paths).toContain('certification.C8.composite_min');
    expect(paths).toContain('veto.kinds');
    expect(paths).not.toContain('classes.K1.method');
  });

  it('should edit numbers as numbers and lists of codes as lists', () => {
    const kind = new Map(
      draftFields(SCHEME_SDTF_2025).map((f) => [f.path, f.kind]),
    );
    expect(kind.get('certification.upgrade.checks_passed_min')).toBe('number');
    expect(kind.get('certification.delist.composite_below')).toBe('number');
    expect(kind.get('certification.delist.two_year_failure_checks')).toBe(
      'multi',
    );
    expect(kind.get('veto.grade')).toBe('choice');
    expect(kind.get('qualitative.inherit_previous_year')).toBe('boolean');
  });
});

describe(placeProblems.name, () => {
  it('should put each scheme-validate problem next to its field, sums at the top', () => {
    let s = setParameter(SCHEME_SDTF_2025, 'classes.K1.weight', 15);
    s = setParameter(s, 'grades.good.min', 95);
    s = setParameter(s, 'peer_trend.peer_floor', 2);
    const placed = placeProblems(validateScheme(s), s);
    expect(placed.byPath.get('grades.good.min')).toEqual([
      'grade minimums must be strictly descending',
    ]);
    expect(placed.byPath.get('peer_trend.peer_floor')).toEqual([
      'must be within [0, 1], got 2',
    ]);
    expect(placed.general).toEqual([
      'classes.*.weight + qualitative.max_points: must sum to 100, got 105',
    ]);
  });

  it('should have nothing to say about the default scheme', () => {
    expect(
      placeProblems(validateScheme(SCHEME_SDTF_2025), SCHEME_SDTF_2025).general,
    ).toEqual([]);
  });
});

describe(setParameter.name, () => {
  it('should change one parameter of a copy', () => {
    const s = setParameter(SCHEME_SDTF_2025, 'certification.C4.K1_min', 1);
    expect(s.certification.C4.K1_min).toBe(1);
    expect(SCHEME_SDTF_2025.certification.C4.K1_min).toBe(500000000);
  });
});
