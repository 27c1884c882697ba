import {
  CLASS_CODES,
  type ClassCode,
  SCHEME_SDTF_2025,
  type UnitResultItem,
} from '@sci/shared';
import { certificationReadiness, closeToCertification } from './cert-readiness';

const P = SCHEME_SDTF_2025;
const per = <T>(f: (k: ClassCode) => T): Record<ClassCode, T> =>
  Object.fromEntries(CLASS_CODES.map((k) => [k, f(k)])) as Record<ClassCode, T>;

function unit(
  code: string,
  values: Partial<Record<ClassCode, number | null>>,
  extra: Partial<UnitResultItem> = {},
): UnitResultItem {
  const all: Record<ClassCode, number | null> = {
    ...per(() => 0),
    K1: 6e8,
    K2: 60,
    K3: 2,
    K5: 150,
    K6: 15,
    K7: 35,
    K8: 40,
    ...values,
  };
  return {
    code,
    scored: true,
    values: all,
    scores: per((k) => (k === 'K3' ? 10 : 5)),
    composite: 80,
    flags: [],
    ...extra,
  } as UnitResultItem;
}

describe(certificationReadiness.name, () => {
  it('should find nothing missing for a unit that meets C3-C8', () => {
    expect(certificationReadiness(unit('A', {}), P).shortfalls).toEqual([]);
  });

  it('should measure each shortfall against its threshold', () => {
    const r = certificationReadiness(unit('B', { K2: 42.3, K7: null }), P);
    expect(r.failedChecks).toEqual(['C3', 'C6']);
    expect(r.shortfalls[0]).toMatchObject({
      check: 'C3',
      value: 42.3,
      threshold: 50,
    });
    expect(r.shortfalls[0].gap).toBeCloseTo(7.7, 9);
    expect(r.shortfalls[1]).toMatchObject({
      check: 'C6',
      measure: 'class.K7',
      value: null,
      gap: null,
    });
  });

  it('should fail growth when K3 did not score full marks', () => {
    // tech loans grew, slower than all loans: K3 < 0 and f = 0.6
    const u = unit(
      'C',
      { K3: -1.5 },
      { scores: per((k) => (k === 'K3' ? 6 : 5)) },
    );
    expect(certificationReadiness(u, P).failedChecks).toEqual(['C5']);
  });
});

describe('certification readiness with another scheme version', () => {
  // a run scored with a stricter version: its thresholds and K3 weight, never the default's
  const strict = {
    ...SCHEME_SDTF_2025,
    classes: {
      ...SCHEME_SDTF_2025.classes,
      K3: { ...SCHEME_SDTF_2025.classes.K3, weight: 12 },
    },
    certification: {
      ...SCHEME_SDTF_2025.certification,
      C3: { ...SCHEME_SDTF_2025.certification.C3, K2_min: 65 },
      C8: { composite_min: 85 },
    },
  };

  it('should measure against the run scheme thresholds', () => {
    const r = certificationReadiness(unit('A', {}), strict);
    expect(r.failedChecks).toEqual(['C3', 'C8']);
    expect(r.shortfalls.map((x) => [x.measure, x.threshold])).toEqual([
      ['class.K2', 65],
      ['col.composite', 85],
    ]);
  });

  it('should ask the run scheme K3_min for growth', () => {
    const k3min = {
      ...SCHEME_SDTF_2025,
      certification: {
        ...SCHEME_SDTF_2025.certification,
        C5: { K3_min: 5, new_entrant_passes: true },
      },
    };
    const u = unit('C', { K3: 2 });
    expect(certificationReadiness(u, SCHEME_SDTF_2025).failedChecks).toEqual(
      [],
    );
    expect(certificationReadiness(u, k3min).failedChecks).toEqual(['C5']);
    expect(certificationReadiness(u, k3min).shortfalls[0]).toMatchObject({
      measure: 'class.K3',
      value: 2,
      threshold: 5,
    });
  });

  it('should report a flag of the run scheme C7 list', () => {
    const only = {
      ...SCHEME_SDTF_2025,
      certification: {
        ...SCHEME_SDTF_2025.certification,
        C7: { fail_flags: ['VETO' as const] },
      },
    };
    const u = unit('D', {}, { flags: ['NPL_OVER_TOLERANCE'] });
    expect(certificationReadiness(u, SCHEME_SDTF_2025).failedChecks).toEqual([
      'C7',
    ]);
    expect(certificationReadiness(u, only).failedChecks).toEqual([]);
  });
});

describe(closeToCertification.name, () => {
  it('should list units missing at most two checks, never those failing risk and compliance', () => {
    const list = closeToCertification(
      [
        unit('ok', {}),
        unit('two', { K2: 40, K5: 50 }, { composite: 77 }),
        unit('three', { K2: 40, K5: 50, K6: 1 }),
        unit('npl', {}, { flags: ['NPL_OVER_TOLERANCE'] }),
        unit('none', {}, { scored: false }),
      ],
      P,
    );
    expect(list.map((x) => x.unit.code)).toEqual(['ok', 'two']);
  });
});
