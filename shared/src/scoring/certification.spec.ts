import {
  CHECK_CODES,
  CLASS_CODES,
  type CheckCode,
  type ClassCode,
  type Flag,
} from '../format/enums';
import type { ApplicationRow } from '../format/rows';
import { SCHEME } from './builders.spec-helper';
import {
  applicantOutcome,
  certificationChecks,
  certifiedOutcome,
  evaluateCertification,
} from './certification';
import type { CheckResult, ClassResult, UnitResult } from './types';

/** A fourth-quarter result that passes C3-C8; `values` override K-values, `k3f` the K3 f. */
function result(
  code: string,
  o: {
    values?: Partial<Record<ClassCode, number | null>>;
    k3f?: number;
    flags?: Flag[];
    composite?: number;
    scored?: boolean;
    ba?: number;
  } = {},
): UnitResult {
  const values: Record<ClassCode, number | null> = {
    K1: 600_000_000,
    K2: 60,
    K3: 5,
    K4: 50,
    K5: 120,
    K6: 20,
    K7: 40,
    K8: 40,
    K9: 0,
    K10: 0,
    ...o.values,
  };
  const classes = {} as Record<ClassCode, ClassResult>;
  for (const k of CLASS_CODES) {
    const f = k === 'K3' ? (o.k3f ?? 1) : 1;
    classes[k] = {
      code: k,
      value: values[k],
      numerator: null,
      denominator: null,
      f,
      score: f,
      weight: 1,
    };
  }
  return {
    period: '2025Q4',
    code,
    level: 'outlet',
    peerGroup: 'state',
    bankCode: 'B',
    scored: o.scored ?? true,
    classes,
    nplRatioAll: 0,
    allBorrowers: o.ba ?? 200,
    quantitative: 0,
    qualitative: 0,
    qualitativeBlocks: [],
    composite: o.composite ?? 80,
    grade: 'good',
    rankLevel: 1,
    rankPeer: 1,
    rankBank: 1,
    flags: o.flags ?? [],
  };
}

function application(code: string, year = 2025, o: Partial<ApplicationRow> = {}): ApplicationRow {
  return {
    year,
    institutionCode: code,
    designated: true,
    techRmCount: 5,
    separateCreditPlan: true,
    dedicatedPricing: true,
    independentAccounting: true,
    riskTolerance: true,
    approvalChannel: true,
    performanceAssessment: true,
    dueDiligenceExemption: true,
    ftpDiscountBp: 50,
    approvalLimitFen: 1_000_000_000,
    ...o,
  };
}

const failing = (checks: CheckResult[]): CheckCode[] =>
  checks.filter((c) => !c.pass).map((c) => c.code);

describe('certificationChecks', () => {
  it('should pass a unit meeting every threshold exactly', () => {
    expect(failing(certificationChecks(result('U'), application('U'), SCHEME))).toEqual([]);
  });

  it.each<[string, UnitResult, ApplicationRow | undefined, CheckCode[]]>([
    ['not designated', result('U'), application('U', 2025, { designated: false }), ['C1']],
    ['4 relationship managers', result('U'), application('U', 2025, { techRmCount: 4 }), ['C1']],
    [
      'one mechanism missing',
      result('U'),
      application('U', 2025, { dueDiligenceExemption: false }),
      ['C2'],
    ],
    ['no FTP discount', result('U'), application('U', 2025, { ftpDiscountBp: 0 }), ['C2']],
    [
      'an FTP discount above 50 bp',
      result('U'),
      application('U', 2025, { ftpDiscountBp: 51 }),
      ['C2'],
    ],
    [
      'an approval limit one fen short',
      result('U'),
      application('U', 2025, { approvalLimitFen: 999_999_999 }),
      ['C2'],
    ],
    ['no application', result('U'), undefined, ['C1', 'C2']],
    ['K2 below 50', result('U', { values: { K2: 49.99 } }), application('U'), ['C3']],
    [
      'tech borrowers under half of all borrowers',
      result('U', { ba: 241 }),
      application('U'),
      ['C3'],
    ],
    ['tech borrowers exactly half', result('U', { ba: 240 }), application('U'), []],
    [
      'K1 below 500 million yuan',
      result('U', { values: { K1: 499_999_999.99 } }),
      application('U'),
      ['C4'],
    ],
    ['99 tech borrowers', result('U', { values: { K5: 99 }, ba: 100 }), application('U'), ['C4']],
    ['K3 partly scored', result('U', { k3f: 0.8, values: { K3: -3 } }), application('U'), ['C5']],
    [
      'tech loans shrank but less than all loans',
      result('U', { k3f: 0, values: { K3: 4 } }),
      application('U'),
      ['C5'],
    ],
    [
      'no baseline',
      result('U', { k3f: 0.5, values: { K3: null }, flags: ['NO_BASELINE'] }),
      application('U'),
      ['C5'],
    ],
    [
      'a new entrant',
      result('U', { k3f: 1, values: { K3: null }, flags: ['NEW_ENTRANT'] }),
      application('U'),
      [],
    ],
    ['K6 null', result('U', { values: { K6: null } }), application('U'), ['C6']],
    ['K8 below 30', result('U', { values: { K8: 29.9 } }), application('U'), ['C6']],
    [
      'NPL over tolerance',
      result('U', { flags: ['NPL_OVER_TOLERANCE'] }),
      application('U'),
      ['C7'],
    ],
    ['a veto', result('U', { flags: ['VETO'] }), application('U'), ['C7']],
    ['composite 75 with float noise', result('U', { composite: 75 - 1e-12 }), application('U'), []],
    ['composite 74.99', result('U', { composite: 74.99 }), application('U'), ['C8']],
    [
      'not scored at Q4',
      result('U', { scored: false }),
      application('U'),
      ['C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
    ],
    [
      'no result at all',
      undefined as unknown as UnitResult,
      application('U'),
      ['C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
    ],
  ])('should fail exactly the checks hit by %s', (_name, r, app, expected) => {
    expect(failing(certificationChecks(r, app, SCHEME))).toEqual(expected);
  });

  it('should record value, threshold and shortfall of a failed measure', () => {
    const c3 = certificationChecks(
      result('U', { values: { K2: 40 } }),
      application('U'),
      SCHEME,
    )[2];
    expect(c3.measures[0]).toEqual({
      name: 'K2',
      value: 40,
      threshold: 50,
      pass: false,
      shortfall: 10,
    });
    expect(c3.measures[1]).toMatchObject({
      name: 'tech_borrower_share',
      value: 60,
      threshold: 50,
      pass: true,
      shortfall: null,
    });
  });
});

/** Checks with the given codes failing. */
function checksFailing(codes: CheckCode[]): CheckResult[] {
  return CHECK_CODES.map((code) => ({ code, pass: !codes.includes(code), measures: [] }));
}

describe('applicantOutcome', () => {
  it.each<[CheckCode[], number | null, string]>([
    [[], 80, 'certify'],
    [['C4'], 80, 'upgrade'],
    [['C3', 'C4', 'C5'], 60, 'upgrade'],
    [['C3', 'C4', 'C5'], 60 - 1e-12, 'upgrade'],
    [['C3', 'C4', 'C5'], 59.9, 'reserve'],
    [['C3', 'C4', 'C5', 'C6'], 70, 'reserve'],
    [['C2'], 80, 'reserve'],
    [['C7'], 80, 'not_eligible'],
    [['C3', 'C4', 'C5', 'C6', 'C7', 'C8'], null, 'not_eligible'],
  ])('should recommend with %p failing and composite %p: %s', (fails, composite, outcome) => {
    expect(applicantOutcome(checksFailing(fails), composite, SCHEME)).toBe(outcome);
  });
});

describe('certifiedOutcome', () => {
  it.each<[string, CheckCode[], CheckCode[], number | null, string]>([
    ['all pass', [], [], 80, 'retain'],
    ['a check failing this year only', ['C4'], ['C3'], 80, 'retain'],
    ['the same check failing both years', ['C4'], ['C4'], 80, 'delist'],
    ['C7 failing', ['C7'], [], 80, 'delist'],
    ['C7 failing last year only', [], ['C7'], 80, 'retain'],
    ['composite under 60', [], [], 59.99, 'delist'],
    ['composite 60 with float noise', [], [], 60 - 1e-12, 'retain'],
    ['not scored', ['C3', 'C4', 'C5', 'C6', 'C7', 'C8'], [], null, 'delist'],
    ['C1 both years (no application)', ['C1', 'C2'], ['C1'], 80, 'delist'],
  ])('should decide %s', (_name, now, before, composite, outcome) => {
    expect(certifiedOutcome(checksFailing(now), checksFailing(before), composite, SCHEME)).toBe(
      outcome,
    );
  });
});

describe('evaluateCertification', () => {
  const run = (): ReturnType<typeof evaluateCertification> =>
    evaluateCertification(
      {
        year: 2025,
        resultsY: [
          result('A'),
          result('B', { values: { K5: 50 } }),
          result('C', { values: { K5: 50 } }),
          result('D'),
        ],
        resultsPrev: [result('B', { values: { K5: 50 } }), result('C')],
        applicationsY: [
          application('D'),
          application('B'),
          application('A'),
          application('A', 2024),
        ],
        applicationsPrev: [application('B', 2024)],
        certifiedPrev: ['C', 'B'],
      },
      SCHEME,
    );

  it('should check applicants and last year certified units, ordered by code', () => {
    expect(run().map((r) => [r.code, r.kind, r.outcome])).toEqual([
      ['A', 'applicant', 'certify'],
      // certified and applying again: only retain or delist; C3 and C4 failed in both years
      ['B', 'certified', 'delist'],
      // no application in either year: C1 fails in both years
      ['C', 'certified', 'delist'],
      ['D', 'applicant', 'certify'],
    ]);
  });

  it('should keep last year checks of a certified unit', () => {
    const c = run().find((r) => r.code === 'C');
    expect(failing(c?.checks ?? [])).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(failing(c?.previousChecks ?? [])).toEqual(['C1', 'C2']);
  });
});
