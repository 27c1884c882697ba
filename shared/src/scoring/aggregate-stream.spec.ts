import type { LoanRow } from '../format/rows';
import {
  isLongTerm,
  LoanAggregator,
  NPL_RISK_CLASSES,
  newSinceOf,
  oneYearAfter,
  type BorrowerPartial,
} from './aggregate-stream';
import { borrowerStatusOf, type BorrowerStatus } from './borrower-status';
import { loan, unit } from './builders.spec-helper';

const UNITS = [
  unit('HEAD', { level: 'head' }),
  unit('CITY', { parentCode: 'HEAD', level: 'city' }),
  unit('OUT1', { parentCode: 'CITY', level: 'outlet' }),
  unit('OUT2', { parentCode: 'CITY', level: 'outlet' }),
];
const STATUS = new Map<string, BorrowerStatus>([
  ['T1', { tech: true, smeTech: true }],
  ['T2', { tech: true, smeTech: false }],
]);

/** BorrowerPartial by its definition: what a database's GROUP BY institution_code, uscc returns. */
function partialsOf(rows: LoanRow[], period: string): BorrowerPartial[] {
  const since = newSinceOf(period);
  const out = new Map<string, BorrowerPartial>();
  for (const r of rows) {
    const key = `${r.institutionCode}|${r.uscc}`;
    const p = out.get(key) ?? {
      institutionCode: r.institutionCode,
      uscc: r.uscc,
      rowCount: 0,
      balance: 0,
      balanceNpl: 0,
      balanceCreditIp: 0,
      balanceLong: 0,
      newAmount: 0,
      newRateAmount: BigInt(0),
      withBalance: false,
      withNew: false,
      withNewFirst: false,
    };
    const isNew = r.issueDate >= since;
    p.rowCount++;
    p.balance = Number(p.balance) + r.balanceFen;
    if (NPL_RISK_CLASSES.includes(r.riskClass))
      p.balanceNpl = Number(p.balanceNpl) + r.balanceFen;
    if (r.guarantee === 'credit' || r.guarantee === 'ip_pledge')
      p.balanceCreditIp = Number(p.balanceCreditIp) + r.balanceFen;
    if (isLongTerm(r.issueDate, r.maturityDate))
      p.balanceLong = Number(p.balanceLong) + r.balanceFen;
    if (isNew) {
      p.newAmount = Number(p.newAmount) + r.amountFen;
      p.newRateAmount =
        BigInt(p.newRateAmount) + BigInt(r.amountFen) * BigInt(r.rateE4);
      p.withNew = true;
      if (r.firstLoan) p.withNewFirst = true;
    }
    if (r.balanceFen > 0) p.withBalance = true;
    out.set(key, p);
  }
  return [...out.values()];
}

const ROWS: LoanRow[] = [
  loan({
    loanNo: 'a',
    institutionCode: 'OUT1',
    uscc: 'T1',
    balanceFen: 10,
    guarantee: 'credit',
  }),
  loan({
    loanNo: 'b',
    institutionCode: 'OUT1',
    uscc: 'T1',
    balanceFen: 0,
    issueDate: '2025-02-01',
    firstLoan: true,
  }),
  loan({
    loanNo: 'c',
    institutionCode: 'OUT2',
    uscc: 'T1',
    balanceFen: 30,
    maturityDate: '2027-01-01',
  }),
  loan({
    loanNo: 'd',
    institutionCode: 'OUT2',
    uscc: 'T2',
    balanceFen: 40,
    riskClass: 'doubtful',
  }),
  loan({
    loanNo: 'e',
    institutionCode: 'CITY',
    uscc: 'N1',
    balanceFen: 50,
    issueDate: '2025-03-01',
  }),
  loan({
    loanNo: 'f',
    institutionCode: 'NOT-A-UNIT',
    uscc: 'T2',
    balanceFen: 60,
  }),
  loan({
    loanNo: 'g',
    institutionCode: 'OUT2',
    uscc: 'T2',
    issueDate: '2025-04-01',
    amountFen: 9_000_000_000_000,
    rateE4: 359_999,
  }),
];

describe(LoanAggregator.name, () => {
  describe('addPartial', () => {
    it('should give exactly what addLoan gives for the same rows', () => {
      const byRow = new LoanAggregator('2025Q2', UNITS, STATUS);
      for (const r of ROWS) byRow.addLoan(r);
      const byPartial = new LoanAggregator('2025Q2', UNITS, STATUS);
      for (const p of partialsOf(ROWS, '2025Q2')) byPartial.addPartial(p);
      expect(byPartial.result()).toEqual(byRow.result());
      expect(byPartial.rowCount).toBe(ROWS.length);
    });

    it('should count a borrower once over the subtree, with balance, new and first loans', () => {
      const a = new LoanAggregator('2025Q2', UNITS, STATUS);
      for (const p of partialsOf(ROWS, '2025Q2')) a.addPartial(p);
      const city = a.result().units['CITY'];
      expect(city).toMatchObject({
        techBorrowers: 2,
        allBorrowers: 3,
        newTechBorrowers: 2,
        newTechFirstBorrowers: 1,
      });
      expect(city.newTechRateAmount).toBe(
        Number(
          BigInt(9_000_000_000_000) * BigInt(359_999) + BigInt(100000 * 30000),
        ),
      );
    });
  });

  describe('result', () => {
    it('should report no data for an aggregator that saw nothing', () => {
      expect(new LoanAggregator('2025Q2', UNITS, STATUS).result()).toEqual({
        period: '2025Q2',
        hasData: false,
        units: {},
      });
    });

    it('should count rows booked at a code that is not a unit as data but aggregate nothing', () => {
      const a = new LoanAggregator('2025Q2', UNITS, STATUS);
      a.addLoan(loan({ institutionCode: 'NOT-A-UNIT' }));
      expect(a.result()).toEqual({
        period: '2025Q2',
        hasData: true,
        units: {},
      });
    });
  });
});

describe(isLongTerm.name, () => {
  // every issue day of a leap year and the year after, against maturities around the anniversary
  const days: string[] = [];
  for (
    let t = Date.UTC(2023, 11, 25);
    t <= Date.UTC(2025, 0, 5);
    t += 86_400_000
  )
    days.push(new Date(t).toISOString().slice(0, 10));
  it('should agree with maturity > oneYearAfter(issue) on every day', () => {
    const mismatches: string[] = [];
    for (const issue of days) {
      const due = oneYearAfter(issue);
      for (const maturity of [
        due,
        `${due.slice(0, 8)}01`,
        '2025-02-28',
        '2025-03-01',
        '2026-01-01',
        issue,
      ]) {
        if (isLongTerm(issue, maturity) !== maturity > due)
          mismatches.push(`${issue} ${maturity}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe(borrowerStatusOf.name, () => {
  const q = (
    kind: 'tech_sme' | 'high_tech',
    validFrom: string,
    validTo: string,
  ) => ({ kind, validFrom, validTo });
  it.each<[string, boolean, ReturnType<typeof q>[], BorrowerStatus]>([
    [
      'strategic emerging without qualifications',
      true,
      [],
      { tech: true, smeTech: false },
    ],
    ['nothing', false, [], { tech: false, smeTech: false }],
    [
      'a high-tech qualification valid on the day',
      false,
      [q('high_tech', '2025-06-30', '2025-06-30')],
      { tech: true, smeTech: false },
    ],
    [
      'an SME qualification valid on the day',
      false,
      [q('tech_sme', '2025-01-01', '2025-12-31')],
      { tech: true, smeTech: true },
    ],
    [
      'an SME qualification expired the day before',
      true,
      [q('tech_sme', '2024-01-01', '2025-06-29')],
      { tech: true, smeTech: false },
    ],
    [
      'a qualification starting the day after',
      false,
      [q('high_tech', '2025-07-01', '2026-12-31')],
      { tech: false, smeTech: false },
    ],
  ])('should decide %s', (_name, strategic, quals, expected) => {
    expect(borrowerStatusOf('2025-06-30', strategic, quals)).toEqual(expected);
  });
});
