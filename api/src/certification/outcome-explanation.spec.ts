import {
  CHECK_CODES,
  SCHEME_SDTF_2025,
  type CertificationResult,
  type CheckCode,
  type CheckResult,
} from '@sci/shared';
import { certificationExportTable } from './certification-export';
import { impliedDecision, isOverride } from './certification-response';
import { explainOutcome } from './outcome-explanation';

const S = SCHEME_SDTF_2025;

/** Checks where exactly `failing` fail. */
function checks(failing: CheckCode[]): CheckResult[] {
  return CHECK_CODES.map((code) => ({
    code,
    pass: !failing.includes(code),
    measures: [],
  }));
}

function result(
  kind: CertificationResult['kind'],
  outcome: CertificationResult['outcome'],
  failing: CheckCode[],
  composite: number | null,
  previousFailing?: CheckCode[],
): CertificationResult {
  return {
    year: 2025,
    code: 'U1',
    kind,
    outcome,
    checks: checks(failing),
    previousChecks: previousFailing ? checks(previousFailing) : undefined,
    composite,
  };
}

describe(explainOutcome.name, () => {
  it('should say every check passed for certify', () => {
    expect(explainOutcome(result('applicant', 'certify', [], 80), S)).toEqual({
      zh: '8 项条件全部通过，建议认定',
      en: 'All 8 checks pass; recommended: certify',
    });
  });

  it('should name the failed checks and the upgrade rule for a reserve', () => {
    const t = explainOutcome(
      result('applicant', 'reserve', ['C2', 'C4', 'C8'], 62.34),
      S,
    );
    expect(t.zh).toBe(
      '通过 5/8 项（未通过：C2、C4、C8），综合得分 62.3；未满足提升条件（须 C2、C7 通过、至少通过 5 项且综合得分不低于 60），C7 通过，建议列入储备',
    );
    expect(t.en).toContain('failed: C2, C4, C8');
  });

  it('should say C7 failed for not_eligible', () => {
    expect(
      explainOutcome(result('applicant', 'not_eligible', ['C7', 'C8'], 40), S)
        .en,
    ).toBe(
      '6 of 8 checks pass (failed: C7, C8), composite 40.0; C7 failed; not eligible',
    );
  });

  it('should give every reason of a delist: a check failed in both years', () => {
    expect(
      explainOutcome(result('certified', 'delist', ['C4'], 70, ['C4', 'C5']), S)
        .zh,
    ).toBe('上年已认定；C4 连续两年未通过，建议摘牌');
  });

  it('should give every reason of a delist: composite below the line and unscored', () => {
    expect(
      explainOutcome(result('certified', 'delist', ['C8'], 55, []), S).en,
    ).toBe(
      'Certified last year; composite 55.0 below 60; recommended: delist',
    );
    expect(
      explainOutcome(
        result(
          'certified',
          'delist',
          ['C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
          null,
          [],
        ),
        S,
      ).zh,
    ).toContain('C7 未通过；第四季度未参与评分');
  });

  it('should mention this year failures that passed last year for a retain', () => {
    expect(
      explainOutcome(result('certified', 'retain', ['C4'], 70, []), S).en,
    ).toContain('(failed this year: C4, but passed last year)');
  });
});

describe(isOverride.name, () => {
  it.each([
    ['confirm', 'certify', false],
    ['confirm', 'retain', false],
    ['reject', 'delist', false],
    ['reject', 'reserve', false],
    ['confirm', 'upgrade', true],
    ['reject', 'certify', true],
    ['reject', 'retain', true],
    ['confirm', null, false],
  ] as const)(
    'should tell whether %s of a %s recommendation overrides it',
    (decision, recommendation, expected) => {
      expect(isOverride(decision, recommendation)).toBe(expected);
    },
  );

  it('should map certify and retain to confirm, everything else to reject', () => {
    expect(
      ['certify', 'upgrade', 'reserve', 'not_eligible', 'retain', 'delist'].map(
        (o) => impliedDecision(o as CertificationResult['outcome']),
      ),
    ).toEqual(['confirm', 'reject', 'reject', 'reject', 'confirm', 'reject']);
  });
});

describe(certificationExportTable.name, () => {
  it('should order rows by code point (not by a collation) and write checks as Y/N', () => {
    const passes = Object.fromEntries(
      CHECK_CODES.map((c) => [c, c !== 'C3']),
    ) as Record<CheckCode, boolean>;
    const t = certificationExportTable(2025, [
      { year: 2025, code: 'b-1', outcome: 'reserve', passes },
      { year: 2025, code: 'B-2', outcome: 'certify', passes },
      { year: 2025, code: 'A_1', outcome: 'delist', passes },
    ]);
    expect(t.columns).toEqual([
      'year',
      'institution_code',
      'outcome',
      'C1',
      'C2',
      'C3',
      'C4',
      'C5',
      'C6',
      'C7',
      'C8',
    ]);
    expect(t.rows.map((r) => r[1])).toEqual(['A_1', 'B-2', 'b-1']);
    expect(t.rows[0]).toEqual([
      2025,
      'A_1',
      'delist',
      'Y',
      'Y',
      'N',
      'Y',
      'Y',
      'Y',
      'Y',
      'Y',
    ]);
  });
});
