import type { EnterpriseRow, LoanRow, QualificationRow } from '../format/rows';
import { aggregatePeriod } from './aggregate';
import { isLongTerm, oneYearAfter } from './aggregate-stream';
import { borrowerStatusAt } from './borrower-status';
import { loan, unit } from './builders.spec-helper';

const ent = (uscc: string, strategicEmerging = false): EnterpriseRow => ({
  uscc,
  name: uscc,
  regionCode: '370100',
  industryCode: null,
  strategicEmerging,
});
const qual = (
  uscc: string,
  kind: QualificationRow['kind'],
  validFrom: string,
  validTo: string,
): QualificationRow => ({
  uscc,
  kind,
  validFrom,
  validTo,
});

/** HEAD > CITY > OUT1, OUT2; one enterprise per test unless stated. */
const UNITS = [
  unit('HEAD', { level: 'head' }),
  unit('CITY', { parentCode: 'HEAD', level: 'city' }),
  unit('OUT1', { parentCode: 'CITY', level: 'outlet' }),
  unit('OUT2', { parentCode: 'CITY', level: 'outlet' }),
  unit('OTHER', { level: 'head', bankCode: 'X' }),
];

describe('borrowerStatusAt', () => {
  it.each<
    [
      string,
      EnterpriseRow[],
      QualificationRow[],
      string,
      { tech: boolean; smeTech: boolean } | undefined,
    ]
  >([
    [
      'strategic emerging without qualification',
      [ent('E1', true)],
      [],
      '2025-06-30',
      { tech: true, smeTech: false },
    ],
    ['neither', [ent('E1')], [], '2025-06-30', { tech: false, smeTech: false }],
    [
      'high_tech valid on d: tech, not SME-tech',
      [ent('E1')],
      [qual('E1', 'high_tech', '2025-01-01', '2025-12-31')],
      '2025-06-30',
      { tech: true, smeTech: false },
    ],
    [
      'valid_from = d (inclusive)',
      [ent('E1')],
      [qual('E1', 'tech_sme', '2025-06-30', '2026-01-01')],
      '2025-06-30',
      { tech: true, smeTech: true },
    ],
    [
      'valid_to = d (inclusive)',
      [ent('E1')],
      [qual('E1', 'srdi_sme', '2024-01-01', '2025-06-30')],
      '2025-06-30',
      { tech: true, smeTech: true },
    ],
    [
      'expired the day before d',
      [ent('E1')],
      [qual('E1', 'little_giant', '2024-01-01', '2025-06-29')],
      '2025-06-30',
      { tech: false, smeTech: false },
    ],
    [
      'starting the day after d',
      [ent('E1')],
      [qual('E1', 'innovative_sme', '2025-07-01', '2026-06-29')],
      '2025-06-30',
      { tech: false, smeTech: false },
    ],
  ])('should decide %s', (_name, enterprises, qualifications, d, expected) => {
    expect(borrowerStatusAt(d, enterprises, qualifications).get('E1')).toEqual(expected);
  });
});

describe('oneYearAfter / isLongTerm', () => {
  it.each([
    ['2024-03-15', '2025-03-15'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
    ['2024-12-31', '2025-12-31'],
  ])('should map %s to %s', (d, expected) => {
    expect(oneYearAfter(d)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['2024-03-15', '2025-03-15', false],
    ['2024-03-15', '2025-03-16', true],
    ['2024-03-15', '2025-03-14', false],
    ['2024-02-29', '2025-02-28', false],
    ['2024-02-29', '2025-03-01', true],
  ])('should treat issue %s maturity %s as long-term = %s', (issue, maturity, expected) => {
    expect(isLongTerm(issue, maturity)).toBe(expected);
  });
});

describe('aggregatePeriod', () => {
  const enterprises = [ent('T1', true), ent('T2', true), ent('N1'), ent('S1')];
  const qualifications = [qual('S1', 'tech_sme', '2020-01-01', '2030-12-31')];
  const run = (loans: LoanRow[], period = '2025Q2'): ReturnType<typeof aggregatePeriod> =>
    aggregatePeriod(period, UNITS, loans, enterprises, qualifications);

  it('should sum exact fen over sub(u) and leave units without rows out', () => {
    const a = run([
      loan({ loanNo: 'a', institutionCode: 'OUT1', uscc: 'T1', balanceFen: 101, amountFen: 200 }),
      loan({ loanNo: 'b', institutionCode: 'OUT2', uscc: 'N1', balanceFen: 202, amountFen: 300 }),
      loan({ loanNo: 'c', institutionCode: 'CITY', uscc: 'S1', balanceFen: 303, amountFen: 400 }),
    ]);
    expect(Object.keys(a.units)).toEqual(['CITY', 'HEAD', 'OUT1', 'OUT2']);
    expect(a.units['OUT1']).toMatchObject({ rowCount: 1, balanceAll: 101, balanceTech: 101 });
    expect(a.units['OUT2']).toMatchObject({ rowCount: 1, balanceAll: 202, balanceTech: 0 });
    expect(a.units['CITY']).toMatchObject({
      rowCount: 3,
      balanceAll: 606,
      balanceTech: 404,
      balanceTechSme: 303,
    });
    expect(a.units['HEAD']).toEqual({ ...a.units['CITY'], code: 'HEAD' });
    expect(a.hasData).toBe(true);
  });

  it('should count a borrower once over the subtree and only with balance > 0', () => {
    const a = run([
      loan({ loanNo: 'a', institutionCode: 'OUT1', uscc: 'T1', balanceFen: 10 }),
      loan({ loanNo: 'b', institutionCode: 'OUT2', uscc: 'T1', balanceFen: 20 }),
      loan({ loanNo: 'c', institutionCode: 'OUT2', uscc: 'T2', balanceFen: 0 }),
      loan({ loanNo: 'd', institutionCode: 'OUT2', uscc: 'N1', balanceFen: 5 }),
    ]);
    expect(a.units['CITY']).toMatchObject({ techBorrowers: 1, allBorrowers: 2 });
    expect(a.units['OUT2']).toMatchObject({ techBorrowers: 1, allBorrowers: 2 });
  });

  it.each<[string, Partial<LoanRow>, Record<string, number>]>([
    ['credit guarantee counts for K7', { guarantee: 'credit' }, { balanceTechCreditIp: 100 }],
    ['ip_pledge counts for K7', { guarantee: 'ip_pledge' }, { balanceTechCreditIp: 100 }],
    [
      'other_pledge does not count for K7',
      { guarantee: 'other_pledge' },
      { balanceTechCreditIp: 0 },
    ],
    [
      'substandard is NPL',
      { riskClass: 'substandard' },
      { balanceTechNpl: 100, balanceAllNpl: 100 },
    ],
    ['loss is NPL', { riskClass: 'loss' }, { balanceTechNpl: 100, balanceAllNpl: 100 }],
    ['special is not NPL', { riskClass: 'special' }, { balanceTechNpl: 0, balanceAllNpl: 0 }],
    [
      'a loan of exactly one year is not long-term',
      { issueDate: '2024-05-01', maturityDate: '2025-05-01' },
      { balanceTechLong: 0 },
    ],
    [
      'a loan one day over a year is long-term',
      { issueDate: '2024-05-01', maturityDate: '2025-05-02' },
      { balanceTechLong: 100 },
    ],
  ])('should classify a tech row: %s', (_name, fields, expected) => {
    const a = run([loan({ uscc: 'T1', balanceFen: 100, ...fields })]);
    expect(a.units['OUT1']).toMatchObject(expected);
  });

  it.each<[string, string, number]>([
    ['issued on 1 January of the year: new', '2025-01-01', 1],
    ['issued on 31 December before: not new', '2024-12-31', 0],
  ])('should decide new rows: %s', (_name, issueDate, newCount) => {
    const a = run([
      loan({ uscc: 'T1', issueDate, maturityDate: '2027-01-01', firstLoan: true, balanceFen: 0 }),
    ]);
    expect(a.units['OUT1']).toMatchObject({
      newTechBorrowers: newCount,
      newTechFirstBorrowers: newCount,
    });
  });

  it('should sum the K9 rate amounts of new rows exactly past 2^53 and round once', () => {
    const big = {
      issueDate: '2025-02-01',
      maturityDate: '2027-01-01',
      amountFen: 9_000_000_000_000,
      rateE4: 359_999,
    };
    const a = run([
      loan({ ...big, loanNo: 'a', uscc: 'T1' }),
      loan({ ...big, loanNo: 'b', uscc: 'N1', rateE4: 1 }),
    ]);
    const exact = BigInt(9_000_000_000_000) * BigInt(359_999 + 1);
    expect(a.units['OUT1'].newAllRateAmount).toBe(Number(exact));
    expect(a.units['OUT1'].newTechRateAmount).toBe(
      Number(BigInt(9_000_000_000_000) * BigInt(359_999)),
    );
    expect(a.units['OUT1'].newAllAmount).toBe(18_000_000_000_000);
    expect(a.units['OUT1'].newTechAmount).toBe(9_000_000_000_000);
  });

  it('should ignore rows of other periods and report a period without rows', () => {
    const a = run([loan({ period: '2025Q1' })]);
    expect(a).toEqual({ period: '2025Q2', hasData: false, units: {} });
  });

  it('should decide tech status at the period date', () => {
    const quals = [qual('N1', 'high_tech', '2025-04-01', '2025-12-31')];
    const q1 = aggregatePeriod(
      '2025Q1',
      UNITS,
      [loan({ period: '2025Q1', uscc: 'N1' })],
      enterprises,
      quals,
    );
    const q2 = aggregatePeriod(
      '2025Q2',
      UNITS,
      [loan({ period: '2025Q2', uscc: 'N1' })],
      enterprises,
      quals,
    );
    expect(q1.units['OUT1'].balanceTech).toBe(0);
    expect(q2.units['OUT1'].balanceTech).toBe(100000);
  });
});
