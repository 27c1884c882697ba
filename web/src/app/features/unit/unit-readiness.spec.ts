import {
  CLASS_CODES,
  SCHEME_SDTF_2025,
  type ExplainClass,
  type ExplainResponse,
} from '@sci/shared';
import { unitReadiness } from './unit-readiness';

const c = SCHEME_SDTF_2025.certification;

/** A unit that meets every quantitative condition of the default scheme by a margin. */
function explain(
  over: Partial<Record<string, number>> = {},
  extra: Partial<ExplainResponse> = {},
): ExplainResponse {
  const values: Record<string, number> = {
    K1: c.C4.K1_min * 2,
    K2: c.C3.K2_min + 10,
    K3: 5,
    K5: c.C4.K5_min + 50,
    K6: c.C6.K6_min + 5,
    K7: c.C6.K7_min + 5,
    K8: c.C6.K8_min + 5,
    ...over,
  };
  return {
    run: { period: '2025Q4' },
    code: 'ICBC-370100',
    level: 'city',
    scored: true,
    classes: CLASS_CODES.map(
      (k) =>
        ({
          code: k,
          value: values[k] ?? 1,
          f: 1,
          points: 1,
          weight: 1,
        }) as ExplainClass,
    ),
    composite: c.C8.composite_min + 10,
    allBorrowers: values['K5'] * 2,
    flags: [],
    ...extra,
  } as unknown as ExplainResponse;
}

describe(unitReadiness.name, () => {
  it('should find every quantitative check met for a unit above all thresholds', () => {
    const r = unitReadiness(explain(), SCHEME_SDTF_2025);
    expect(r.checks.map((x) => x.code)).toEqual([
      'C3',
      'C4',
      'C5',
      'C6',
      'C7',
      'C8',
    ]);
    expect(r.failed).toEqual([]);
  });

  it('should name the checks a unit falls short of, as the engine decides them', () => {
    const r = unitReadiness(
      explain({ K1: c.C4.K1_min / 2 }, { composite: c.C8.composite_min - 1 }),
      SCHEME_SDTF_2025,
    );
    expect(r.failed).toEqual(['C4', 'C8']);
  });

  it('should fail every check of an unscored unit', () => {
    const r = unitReadiness(explain({}, { scored: false }), SCHEME_SDTF_2025);
    expect(r.failed).toEqual(['C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
  });
});
