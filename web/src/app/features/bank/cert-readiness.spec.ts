import {
  CLASS_CODES,
  type ClassCode,
  SCHEME_SDTF_2025,
  type UnitResultItem,
} from '@sci/shared';
import { certificationReadiness, closeToCertification } from './cert-readiness';

const P = SCHEME_SDTF_2025.certification;
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
    expect(certificationReadiness(unit('A', {}), P, 10).shortfalls).toEqual([]);
  });

  it('should measure each shortfall against its threshold', () => {
    const r = certificationReadiness(unit('B', { K2: 42.3, K7: null }), P, 10);
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
    const u = unit('C', {}, { scores: per((k) => (k === 'K3' ? 6 : 5)) });
    expect(certificationReadiness(u, P, 10).failedChecks).toEqual(['C5']);
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
      10,
    );
    expect(list.map((x) => x.unit.code)).toEqual(['ok', 'two']);
  });
});
