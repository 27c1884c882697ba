import {
  DEFAULT_SIGNAL_PARAMS,
  validateSignalParams,
  type SignalParams,
} from '../scoring/scheme-signals';
import { validateScheme } from '../scoring/scheme-validate';
import { SCHEME_SDTF_2025 as SDTF_2025 } from '../scoring/scheme-sdtf-2025';
import {
  SignalAccumulator,
  curedForSnapshot,
  falseFirstLoan,
  isShortWindowLoan,
  lateTechLabel,
  loanKey,
  pricedOutlier,
  severityOf,
  vanishedEarly,
  withinDaysAfter,
  withinDaysBefore,
  type SignalContext,
  type SignalRow,
} from './index';

const P: SignalParams = DEFAULT_SIGNAL_PARAMS;
const D = '2025-09-30';
const NEXT = '2025-12-31';

const row = (over: Partial<SignalRow> = {}): SignalRow => ({
  unit: 'U1',
  loanNo: 'L1',
  uscc: 'E1',
  issueDate: '2025-03-01',
  maturityDate: '2027-03-01',
  amountFen: 100_000_00,
  balanceFen: 100_000_00,
  rateE4: 35_000,
  riskClass: 'normal',
  firstLoan: false,
  tech: true,
  ...over,
});

const ctx = (over: Partial<SignalContext> = {}): SignalContext => ({
  period: '2025Q3',
  bankOf: new Map([
    ['U1', 'B1'],
    ['U2', 'B1'],
  ]),
  next: new Map(),
  previousClass: new Map(),
  earlierRows: new Map(),
  firstQualified: new Map(),
  ...over,
});

describe('signal rule edges', () => {
  describe(withinDaysBefore.name, () => {
    it.each([
      ['2025-09-15', true], // exactly 15 days before
      ['2025-09-14', false], // 16 days
      ['2025-09-30', true], // on the date
      ['2025-10-01', false], // after
    ])('should take %s as within 15 days before 2025-09-30: %s', (d, want) => {
      expect(withinDaysBefore(d, D, 15)).toBe(want);
    });
  });

  describe(withinDaysAfter.name, () => {
    it.each([
      ['2025-10-31', true], // exactly 31 days after
      ['2025-11-01', false],
      ['2025-09-30', false], // on the date is not after
    ])('should take %s as within 31 days after 2025-09-30: %s', (d, want) => {
      expect(withinDaysAfter(d, D, 31)).toBe(want);
    });
  });

  describe(isShortWindowLoan.name, () => {
    it.each([
      [
        'issued exactly N days before, maturing exactly M days after',
        row({ issueDate: '2025-09-15', maturityDate: '2025-10-31' }),
        true,
      ],
      [
        'issued N+1 days before',
        row({ issueDate: '2025-09-14', maturityDate: '2025-10-31' }),
        false,
      ],
      [
        'maturing M+1 days after',
        row({ issueDate: '2025-09-15', maturityDate: '2025-11-01' }),
        false,
      ],
      [
        'not a tech row',
        row({
          issueDate: '2025-09-15',
          maturityDate: '2025-10-31',
          tech: false,
        }),
        false,
      ],
      [
        'repaid (balance 0)',
        row({
          issueDate: '2025-09-15',
          maturityDate: '2025-10-31',
          balanceFen: 0,
        }),
        false,
      ],
    ])('should decide %s', (_name, r, want) => {
      expect(isShortWindowLoan(r, D, P.window_dressing)).toBe(want);
    });
  });

  describe(vanishedEarly.name, () => {
    const late = row({ issueDate: '2025-09-20', maturityDate: '2026-09-20' });
    it('should count a loan issued just before that is absent from the next snapshot before maturity', () => {
      expect(vanishedEarly(late, D, NEXT, undefined, P.window_dressing)).toBe(
        true,
      );
    });
    it('should count one still listed next quarter with balance 0 before maturity', () => {
      expect(
        vanishedEarly(
          late,
          D,
          NEXT,
          { balanceFen: 0, riskClass: 'normal' },
          P.window_dressing,
        ),
      ).toBe(true);
    });
    it('should not count one still outstanding next quarter', () => {
      expect(
        vanishedEarly(
          late,
          D,
          NEXT,
          { balanceFen: 5, riskClass: 'normal' },
          P.window_dressing,
        ),
      ).toBe(false);
    });
    it('should not count a loan that matured on time before the next date', () => {
      expect(
        vanishedEarly(
          row({ issueDate: '2025-09-20', maturityDate: NEXT }),
          D,
          NEXT,
          undefined,
          P.window_dressing,
        ),
      ).toBe(false);
    });
    it('should count a loan maturing one day after the next date that vanished', () => {
      expect(
        vanishedEarly(
          row({ issueDate: '2025-09-20', maturityDate: '2026-01-01' }),
          D,
          NEXT,
          undefined,
          P.window_dressing,
        ),
      ).toBe(true);
    });
    it('should not count a loan issued before the window', () => {
      expect(
        vanishedEarly(
          row({ issueDate: '2025-09-14' }),
          D,
          NEXT,
          undefined,
          P.window_dressing,
        ),
      ).toBe(false);
    });
  });

  describe(falseFirstLoan.name, () => {
    const flagged = row({ firstLoan: true, issueDate: '2025-08-01' });
    it('should flag a borrower seen at the same bank in an earlier snapshot', () => {
      expect(
        falseFirstLoan(flagged, 'B1', [{ bankCode: 'B1', period: '2025Q2' }]),
      ).toBe(true);
    });
    it('should not flag a borrower first seen at another bank', () => {
      expect(
        falseFirstLoan(flagged, 'B1', [{ bankCode: 'B2', period: '2025Q2' }]),
      ).toBe(false);
    });
    it('should not flag when the earlier snapshot is not before the issue date', () => {
      expect(
        falseFirstLoan(
          row({ firstLoan: true, issueDate: '2025-06-30' }),
          'B1',
          [{ bankCode: 'B1', period: '2025Q2' }],
        ),
      ).toBe(false);
    });
    it('should not flag a row without the first_loan flag', () => {
      expect(
        falseFirstLoan(row({ issueDate: '2025-08-01' }), 'B1', [
          { bankCode: 'B1', period: '2025Q2' },
        ]),
      ).toBe(false);
    });
  });

  describe(lateTechLabel.name, () => {
    it.each([
      ['2025-08-31', true], // exactly 30 days before
      ['2025-08-30', false],
      ['2025-09-30', true],
    ])('should take a first listing on %s as late: %s', (q, want) => {
      expect(lateTechLabel(row(), D, q, 30)).toBe(want);
    });
    it('should not flag a borrower that is tech without a listing (strategic emerging)', () => {
      expect(lateTechLabel(row(), D, undefined, 30)).toBe(false);
    });
  });

  describe(curedForSnapshot.name, () => {
    it('should flag NPL before and after but normal at the date', () => {
      expect(
        curedForSnapshot(row(), 'doubtful', {
          balanceFen: 1,
          riskClass: 'loss',
        }),
      ).toBe(true);
    });
    it('should not flag a loan that stays cured next quarter', () => {
      expect(
        curedForSnapshot(row(), 'doubtful', {
          balanceFen: 1,
          riskClass: 'special',
        }),
      ).toBe(false);
    });
    it('should not flag a loan NPL at the date', () => {
      expect(
        curedForSnapshot(row({ riskClass: 'substandard' }), 'doubtful', {
          balanceFen: 1,
          riskClass: 'loss',
        }),
      ).toBe(false);
    });
    it('should not flag special (not NPL) before', () => {
      expect(
        curedForSnapshot(row(), 'special', {
          balanceFen: 1,
          riskClass: 'loss',
        }),
      ).toBe(false);
    });
  });

  describe(pricedOutlier.name, () => {
    it.each([
      [14_999, 35_000, true], // below the 1.5 % floor
      [15_000, 15_000, false], // at the floor
      [22_000, 45_000, true], // 230 bp below the unit mean of 4.5 %
      [25_000, 45_000, false], // exactly 200 bp below is not more than 200 bp
      [24_999, 45_000, true],
    ])(
      'should take rate %i against mean %i as an outlier: %s',
      (rate, mean, want) => {
        expect(pricedOutlier(rate, mean, P.pricing_outlier)).toBe(want);
      },
    );
  });

  describe(severityOf.name, () => {
    it.each([
      [1.99, null],
      [2, 'medium'],
      [9.99, 'medium'],
      [10, 'high'],
    ])('should grade %d', (v, want) => {
      expect(severityOf(v, { threshold: 2, high: 10 })).toBe(want);
    });
  });
});

describe(SignalAccumulator.name, () => {
  it('should measure window dressing as a share of the unit tech balance S and keep the driving rows', () => {
    const acc = new SignalAccumulator(ctx(), P);
    acc.add(row({ loanNo: 'BIG', balanceFen: 9_000 }));
    acc.add(
      row({
        loanNo: 'WD',
        issueDate: '2025-09-25',
        maturityDate: '2025-10-20',
        balanceFen: 1_000,
      }),
    );
    acc.add(row({ loanNo: 'X', tech: false, balanceFen: 50_000 }));
    const [s] = acc.result().filter((x) => x.kind === 'window_dressing');
    expect(s).toMatchObject({
      code: 'U1',
      value: 10,
      threshold: 2,
      severity: 'high',
      basisFen: 10_000,
      amountFen: 1_000,
      rowCount: 1,
    });
    expect(s.rows.map((r) => r.loanNo)).toEqual(['WD']);
  });

  it('should raise a two-snapshot signal only for the loan that vanished early', () => {
    const next = new Map([
      [
        loanKey('U1', 'KEPT'),
        { balanceFen: 900, riskClass: 'normal' as const },
      ],
    ]);
    const acc = new SignalAccumulator(ctx({ next }), P);
    acc.add(row({ loanNo: 'BASE', balanceFen: 7_000 }));
    acc.add(
      row({
        loanNo: 'GONE',
        issueDate: '2025-09-28',
        maturityDate: '2026-09-28',
        balanceFen: 1_000,
      }),
    );
    acc.add(
      row({
        loanNo: 'KEPT',
        issueDate: '2025-09-28',
        maturityDate: '2026-09-28',
        balanceFen: 1_000,
      }),
    );
    acc.add(
      row({
        loanNo: 'DUE',
        issueDate: '2025-09-28',
        maturityDate: '2025-12-31',
        balanceFen: 1_000,
      }),
    );
    const s = acc.result().filter((x) => x.kind === 'window_dressing_exit');
    expect(s).toHaveLength(1);
    expect(s[0].rows.map((r) => r.loanNo)).toEqual(['GONE']);
    expect(s[0].value).toBeCloseTo(10, 12);
  });

  it('should not compute two-snapshot signals without a next snapshot', () => {
    const acc = new SignalAccumulator(ctx({ next: null }), P);
    acc.add(
      row({
        loanNo: 'GONE',
        issueDate: '2025-09-28',
        maturityDate: '2026-09-28',
      }),
    );
    expect(
      acc
        .result()
        .filter(
          (x) =>
            x.kind === 'window_dressing_exit' || x.kind === 'quarter_end_cure',
        ),
    ).toEqual([]);
  });

  it('should count first-loan claims at the same bank and not at another', () => {
    const earlierRows = new Map([
      ['SAME', [{ bankCode: 'B1', period: '2025Q1' }]],
      ['OTHER', [{ bankCode: 'B9', period: '2025Q1' }]],
    ]);
    const acc = new SignalAccumulator(ctx({ earlierRows }), P);
    acc.add(
      row({
        loanNo: 'A',
        uscc: 'SAME',
        firstLoan: true,
        issueDate: '2025-08-01',
      }),
    );
    acc.add(
      row({
        loanNo: 'B',
        uscc: 'OTHER',
        firstLoan: true,
        issueDate: '2025-08-01',
      }),
    );
    // issued in an earlier quarter: reported in that quarter's run, not again
    acc.add(
      row({
        loanNo: 'C',
        uscc: 'SAME',
        firstLoan: true,
        issueDate: '2025-05-01',
      }),
    );
    const s = acc.result().filter((x) => x.kind === 'first_loan_claim');
    expect(
      s.map((x) => [x.code, x.value, x.rows.map((r) => r.loanNo)]),
    ).toEqual([['U1', 1, ['A']]]);
  });

  it('should price new tech loans against the unit mean of all its new loans of the quarter', () => {
    const acc = new SignalAccumulator(ctx(), P);
    acc.add(
      row({
        loanNo: 'N1',
        issueDate: '2025-08-01',
        rateE4: 40_000,
        amountFen: 900,
        tech: false,
      }),
    );
    acc.add(
      row({
        loanNo: 'CHEAP',
        issueDate: '2025-08-01',
        rateE4: 12_000,
        amountFen: 100,
      }),
    );
    acc.add(
      row({
        loanNo: 'OLD',
        issueDate: '2025-05-01',
        rateE4: 10_000,
        amountFen: 100,
      }),
    );
    const [s] = acc.result().filter((x) => x.kind === 'pricing_outlier');
    expect(s).toMatchObject({ value: 100, basisFen: 100, rowCount: 1 });
    expect(s.rows[0].loanNo).toBe('CHEAP');
  });

  it('should measure concentration only from min_tech_borrowers borrowers', () => {
    const params: SignalParams = {
      ...P,
      concentration: {
        share_pct: { threshold: 30, high: 50 },
        min_tech_borrowers: 3,
      },
    };
    const two = new SignalAccumulator(ctx(), params);
    two.add(row({ loanNo: 'A', uscc: 'E1', balanceFen: 900 }));
    two.add(row({ loanNo: 'B', uscc: 'E2', balanceFen: 100 }));
    expect(two.result().filter((x) => x.kind === 'concentration')).toEqual([]);
    const three = new SignalAccumulator(ctx(), params);
    three.add(row({ loanNo: 'A', uscc: 'E1', balanceFen: 400 }));
    three.add(row({ loanNo: 'A2', uscc: 'E1', balanceFen: 100 }));
    three.add(row({ loanNo: 'B', uscc: 'E2', balanceFen: 300 }));
    three.add(row({ loanNo: 'C', uscc: 'E3', balanceFen: 200 }));
    expect(three.result().filter((x) => x.kind === 'concentration')).toEqual([
      expect.objectContaining({
        code: 'U1',
        value: 50,
        severity: 'high',
        borrower: 'E1',
        amountFen: 500,
        basisFen: 1000,
      }),
    ]);
  });

  it('should judge tech-label timing only from min_tech_borrowers borrowers', () => {
    const params: SignalParams = {
      ...P,
      tech_label_timing: { ...P.tech_label_timing, min_tech_borrowers: 2 },
    };
    const firstQualified = new Map([['NEW', '2025-09-20']]);
    const one = new SignalAccumulator(ctx({ firstQualified }), params);
    one.add(row({ loanNo: 'A', uscc: 'NEW' }));
    expect(one.result().filter((x) => x.kind === 'tech_label_timing')).toEqual(
      [],
    );
    const two = new SignalAccumulator(ctx({ firstQualified }), params);
    two.add(row({ loanNo: 'A', uscc: 'NEW', balanceFen: 400 }));
    two.add(row({ loanNo: 'B', uscc: 'OLD', balanceFen: 600 }));
    expect(two.result().filter((x) => x.kind === 'tech_label_timing')).toEqual([
      expect.objectContaining({ value: 40, severity: 'medium', rowCount: 1 }),
    ]);
  });

  it('should find a quarter-end cure from the previous and next classes', () => {
    const k = loanKey('U1', 'NPL');
    const acc = new SignalAccumulator(
      ctx({
        previousClass: new Map([[k, 'doubtful']]),
        next: new Map([[k, { balanceFen: 5, riskClass: 'doubtful' as const }]]),
      }),
      P,
    );
    acc.add(row({ loanNo: 'NPL', riskClass: 'normal' }));
    expect(acc.result().filter((x) => x.kind === 'quarter_end_cure')).toEqual([
      expect.objectContaining({ value: 1, severity: 'medium', rowCount: 1 }),
    ]);
  });
});

describe(validateSignalParams.name, () => {
  it('should accept the defaults and a scheme without the section', () => {
    expect(validateSignalParams(DEFAULT_SIGNAL_PARAMS)).toEqual([]);
    expect(validateScheme(SDTF_2025)).toEqual([]);
  });

  it('should name the wrong key of a signals section inside a scheme', () => {
    const bad = {
      ...DEFAULT_SIGNAL_PARAMS,
      window_dressing: {
        ...DEFAULT_SIGNAL_PARAMS.window_dressing,
        issued_within_days: 2.5,
      },
      extra: 1,
    };
    expect(validateScheme({ ...SDTF_2025, signals: bad })).toEqual([
      'signals.extra: unknown key',
      'signals.window_dressing.issued_within_days: must be a whole number of days',
    ]);
  });

  it('should refuse a band whose high is below its threshold', () => {
    const bad = {
      ...DEFAULT_SIGNAL_PARAMS,
      quarter_end_cure: { count: { threshold: 3, high: 1 } },
    };
    expect(validateSignalParams(bad)).toEqual([
      'signals.quarter_end_cure.count.high: must be >= threshold',
    ]);
  });
});
