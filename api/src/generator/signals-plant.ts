import {
  periodDate,
  shiftPeriod,
  type Guarantee,
  type QualificationRow,
  type RiskClass,
  type SignalKind,
} from '@sci/shared';
import { addDays, addYears, toDays } from './dates';
import { makeUscc, type GeneratedEnterprise } from './enterprises';
import { loanState, type SimLoan } from './loans';
import { Prng } from './prng';

/**
 * The integrity patterns of issue 13 planted into the demo province, at known units and rows, so
 * the demo shows each signal and tests can assert exact findings. Planted rows are extra loans
 * (loan numbers `P…`) and extra enterprises; the simulated book is left as it is. Amounts are
 * sized from the target unit's own book so each finding crosses the default threshold clearly.
 * `q3` below is the period before the last one (its next snapshot is the last), `q4` the last.
 */
export const PLANT_UNITS: Record<SignalKind, string> = {
  window_dressing: 'ICBC-370200-01',
  window_dressing_exit: 'CCB-370100-02',
  first_loan_claim: 'ABC-370100-02',
  tech_label_timing: 'BOC-370200-02',
  quarter_end_cure: 'ICBC-370600-02',
  pricing_outlier: 'CCB-370200-02',
  concentration: 'ABC-370200-02',
};

/** A planted loan as it stands in one snapshot. */
export interface PlantedRow {
  period: string;
  no: string;
  unit: string;
  uscc: string;
  issue: string;
  maturity: string;
  amountFen: number;
  balanceFen: number;
  rateE4: number;
  guarantee: Guarantee;
  riskClass: RiskClass;
  firstLoan: boolean;
}

/** What a correct signal computation finds, and nothing else. */
export interface PlantedFinding {
  kind: SignalKind;
  unit: string;
  period: string;
  loanNos: string[];
}

export interface SignalPlan {
  rows: PlantedRow[];
  enterprises: GeneratedEnterprise[];
  qualifications: QualificationRow[];
  findings: PlantedFinding[];
}

const RATE = 36_000;
const yuanFen = (fen: number): number =>
  Math.max(100_000_00, Math.round(fen / 100_000) * 100_000);

/** Plants every pattern when the periods reach back far enough (three quarters), else nothing. */
export function plantSignals(
  rng: Prng,
  loans: SimLoan[],
  enterprises: GeneratedEnterprise[],
  qualifications: QualificationRow[],
  periods: string[],
): SignalPlan {
  const plan: SignalPlan = {
    rows: [],
    enterprises: [],
    qualifications: [],
    findings: [],
  };
  const q4 = periods[periods.length - 1];
  const q3 = shiftPeriod(q4, 1);
  const q2 = shiftPeriod(q4, 2);
  if (!periods.includes(q2) || !periods.includes(q3)) return plan;
  const quals = new Map<string, QualificationRow[]>();
  for (const q of qualifications)
    quals.set(q.uscc, [...(quals.get(q.uscc) ?? []), q]);
  const strategic = enterprises.filter(
    (e) => e.strategicEmerging && e.industryCode !== null,
  );
  const strategicSet = new Set(
    enterprises.filter((e) => e.strategicEmerging).map((e) => e.uscc),
  );
  const isTech = (uscc: string, d: string): boolean =>
    strategicSet.has(uscc) ||
    (quals.get(uscc) ?? []).some((q) => q.validFrom <= d && d <= q.validTo);
  const techBalance = (unit: string, d: string): number => {
    const day = toDays(d);
    let s = 0;
    for (const l of loans)
      if (l.unit === unit && isTech(l.uscc, d))
        s += loanState(l, day)?.balanceFen ?? 0;
    return s || 100_000_000;
  };
  const borrowersAt = (unit: string): Set<string> =>
    new Set(loans.filter((l) => l.unit === unit).map((l) => l.uscc));
  let seq = 0;
  const pickStrategic = (avoid: Set<string>): string => {
    for (;;) {
      const e = strategic[rng.int(0, strategic.length - 1)];
      if (!avoid.has(e.uscc)) {
        avoid.add(e.uscc);
        return e.uscc;
      }
    }
  };
  /** One loan, listed in each period from its issue on (data-format.md: outstanding, or issued this year). */
  const loan = (
    unit: string,
    uscc: string,
    issue: string,
    maturity: string,
    amountFen: number,
    state: (p: string) => { balanceFen: number; riskClass: RiskClass } | null,
    extra: Partial<PlantedRow> = {},
  ): string => {
    const no = `P${String(++seq).padStart(7, '0')}`;
    for (const p of periods) {
      const d = periodDate(p);
      if (issue > d) continue;
      const s = state(p);
      if (!s || (s.balanceFen === 0 && issue < `${p.slice(0, 4)}-01-01`))
        continue;
      plan.rows.push({
        period: p,
        no,
        unit,
        uscc,
        issue,
        maturity,
        amountFen,
        balanceFen: s.balanceFen,
        rateE4: RATE,
        guarantee: 'guarantee',
        riskClass: s.riskClass,
        firstLoan: false,
        ...extra,
      });
    }
    return no;
  };
  const outstandingUntil =
    (amountFen: number, last: string) => (p: string) => ({
      balanceFen: periodDate(p) < last ? amountFen : 0,
      riskClass: 'normal' as RiskClass,
    });
  const find = (kind: SignalKind, period: string, loanNos: string[]): void => {
    plan.findings.push({
      kind,
      unit: PLANT_UNITS[kind],
      period,
      loanNos: [...loanNos].sort(),
    });
  };
  const d3 = periodDate(q3);
  const d4 = periodDate(q4);
  const used = new Set<string>();

  // one snapshot (the last period, so the demo shows it first): two tech loans issued 10 and 5 days
  // before the date, maturing 20 and 25 days after it
  {
    const unit = PLANT_UNITS.window_dressing;
    const a = yuanFen(techBalance(unit, d4) * 0.03);
    const avoid = borrowersAt(unit);
    find('window_dressing', q4, [
      loan(
        unit,
        pickStrategic(avoid),
        addDays(d4, -10),
        addDays(d4, 20),
        a,
        outstandingUntil(a, addDays(d4, 20)),
      ),
      loan(
        unit,
        pickStrategic(avoid),
        addDays(d4, -5),
        addDays(d4, 25),
        a,
        outstandingUntil(a, addDays(d4, 25)),
      ),
    ]);
  }
  // two snapshots: issued a week before the date with a year to run, repaid right after it
  {
    const unit = PLANT_UNITS.window_dressing_exit;
    const a = yuanFen(techBalance(unit, d3) * 0.04);
    const avoid = borrowersAt(unit);
    find('window_dressing_exit', q3, [
      loan(
        unit,
        pickStrategic(avoid),
        addDays(d3, -7),
        addYears(addDays(d3, -7), 1),
        a,
        outstandingUntil(a, addDays(d3, 10)),
      ),
      loan(
        unit,
        pickStrategic(avoid),
        addDays(d3, -3),
        addYears(addDays(d3, -3), 1),
        a,
        outstandingUntil(a, addDays(d3, 12)),
      ),
    ]);
  }
  // a first-loan claim for a borrower the same bank already lent to, and a true one (seen at another bank only)
  {
    const unit = PLANT_UNITS.first_loan_claim;
    const bank = unit.split('-')[0];
    const day3 = toDays(d3);
    const atBank = new Set(
      loans.filter((l) => l.unit.startsWith(`${bank}-`)).map((l) => l.uscc),
    );
    const known = loans.find(
      (l) =>
        l.unit.startsWith(`${bank}-`) &&
        l.unit !== unit &&
        (loanState(l, day3)?.balanceFen ?? 0) > 0,
    )!;
    const elsewhere = loans.find(
      (l) =>
        !l.unit.startsWith(`${bank}-`) &&
        !atBank.has(l.uscc) &&
        (loanState(l, day3)?.balanceFen ?? 0) > 0,
    )!;
    const issue = addDays(d3, 40);
    const a = 2_000_000_00;
    const keep = outstandingUntil(a, addYears(issue, 2));
    find('first_loan_claim', q4, [
      loan(unit, known.uscc, issue, addYears(issue, 2), a, keep, {
        firstLoan: true,
      }),
    ]);
    loan(unit, elsewhere.uscc, issue, addYears(issue, 2), a, keep, {
      firstLoan: true,
    });
  }
  // tech label timing: three new enterprises listed 20 days before the date, borrowing as much as the unit's whole tech book
  {
    const unit = PLANT_UNITS.tech_label_timing;
    const a = yuanFen(techBalance(unit, d4) / 3);
    const taken = new Set(enterprises.map((e) => e.uscc));
    const nos: string[] = [];
    for (let k = 0; k < 3; k++) {
      let uscc = '';
      for (let i = 0; !uscc || taken.has(uscc); i++)
        uscc = makeUscc('370200', 90_000_000 + k * 1000 + i, 7);
      taken.add(uscc);
      plan.enterprises.push({
        index: enterprises.length + k,
        uscc,
        name: `山东青岛新认定科技${String(k + 1).padStart(2, '0')}有限公司`,
        regionCode: '370200',
        industryCode: 'C3911',
        strategicEmerging: false,
        tech: true,
        smeTech: false,
        borrowed: true,
      });
      const from = addDays(d4, -20);
      plan.qualifications.push({
        uscc,
        kind: 'high_tech',
        validFrom: from,
        validTo: addDays(addYears(from, 3), -1),
      });
      const issue = addDays(d3, 15 + k);
      nos.push(
        loan(
          unit,
          uscc,
          issue,
          addYears(issue, 2),
          a,
          outstandingUntil(a, addYears(issue, 2)),
          { firstLoan: true },
        ),
      );
    }
    find('tech_label_timing', q4, nos);
  }
  // quarter-end cure: NPL at the snapshots before and after the date, normal at it
  {
    const unit = PLANT_UNITS.quarter_end_cure;
    const issue = addDays(periodDate(q2), -200);
    const nonTech = enterprises.find((e) => !e.tech && !used.has(e.uscc))!;
    used.add(nonTech.uscc);
    const a = 5_000_000_00;
    const classes = new Map<string, RiskClass>([
      [q2, 'doubtful'],
      [q3, 'normal'],
      [q4, 'doubtful'],
      [shiftPeriod(q4, 3), 'substandard'],
    ]);
    find('quarter_end_cure', q3, [
      loan(unit, nonTech.uscc, issue, addYears(issue, 3), a, (p) => ({
        balanceFen: a,
        riskClass: classes.get(p) ?? 'normal',
      })),
    ]);
  }
  // pricing: new tech loans at 1.2 %, a fifth each of the quarter's other new tech lending
  {
    const unit = PLANT_UNITS.pricing_outlier;
    const start = toDays(d3);
    const end = toDays(d4);
    let newTech = 0;
    for (const l of loans)
      if (
        l.unit === unit &&
        l.issue > start &&
        l.issue <= end &&
        isTech(l.uscc, d4)
      )
        newTech += l.amountFen;
    const a = yuanFen((newTech || 100_000_000) * 0.2);
    const avoid = borrowersAt(unit);
    const issue = addDays(d3, 35);
    const keep = outstandingUntil(a, addYears(issue, 3));
    find('pricing_outlier', q4, [
      loan(unit, pickStrategic(avoid), issue, addYears(issue, 3), a, keep, {
        rateE4: 12_000,
      }),
      loan(
        unit,
        pickStrategic(avoid),
        addDays(issue, 1),
        addYears(issue, 3),
        a,
        keep,
        { rateE4: 12_000 },
      ),
    ]);
  }
  // concentration: one new borrower takes twice the unit's tech book
  {
    const unit = PLANT_UNITS.concentration;
    const a = yuanFen(techBalance(unit, d4) * 2);
    const issue = addDays(d3, 20);
    find('concentration', q4, [
      loan(
        unit,
        pickStrategic(borrowersAt(unit)),
        issue,
        addYears(issue, 3),
        a,
        outstandingUntil(a, addYears(issue, 3)),
      ),
    ]);
  }
  return plan;
}
