import { periodDate } from '../format/period';
import {
  SIGNAL_ROWS_KEPT,
  type SignalKind,
  type SignalLoanRef,
} from '../api/signals';
import type { SignalBand, SignalParams } from '../scoring/scheme-signals';
import {
  curedForSnapshot,
  falseFirstLoan,
  isShortWindowLoan,
  lateTechLabel,
  loanKey,
  pricedOutlier,
  severityOf,
  vanishedEarly,
  type ComputedSignal,
  type SignalContext,
  type SignalRow,
} from './signal-edges';

/**
 * Integrity signal rules (issue 13) as one pure pass over a period's loan rows. Each rule is
 * judged per booking unit (the loan's institution_code), against the unit's own tech balance S
 * of the period: a signal of a city branch is about the loans it books itself, so one loan is
 * never reported at two levels of the tree. Dates are YYYY-MM-DD; day counts are calendar days.
 */

interface Collected {
  fen: number;
  rows: SignalLoanRef[];
}

interface UnitState {
  techFen: number;
  shortWindow: Collected;
  exit: Collected;
  label: Collected;
  cure: Collected;
  firstClaim: Collected;
  newAllAmount: number;
  newAllRateAmount: number;
  newTech: { rateE4: number; ref: SignalLoanRef }[];
  borrowers: Map<string, number>;
}

const ref = (r: SignalRow, note: string): SignalLoanRef => ({
  loanNo: r.loanNo,
  uscc: r.uscc,
  issueDate: r.issueDate,
  maturityDate: r.maturityDate,
  amountFen: r.amountFen,
  balanceFen: r.balanceFen,
  rateE4: r.rateE4,
  riskClass: r.riskClass,
  note,
});

const collect = (c: Collected, r: SignalLoanRef, fen: number): void => {
  c.fen += fen;
  c.rows.push(r);
};

/** Largest first, then by loan number: the rows a person reads first. */
const byWeight = (a: SignalLoanRef, b: SignalLoanRef): number =>
  b.balanceFen - a.balanceFen ||
  b.amountFen - a.amountFen ||
  (a.loanNo < b.loanNo ? -1 : a.loanNo > b.loanNo ? 1 : 0);

/**
 * Collects the rows of one period (add each row once, in any order) and yields every unit's
 * signals. Holds per unit only sums, the matching rows and its tech borrowers' balances.
 */
export class SignalAccumulator {
  private readonly units = new Map<string, UnitState>();
  private readonly date: string;
  private readonly prevDate: string;
  private readonly nextDate: string;

  constructor(
    private readonly ctx: SignalContext,
    private readonly params: SignalParams,
  ) {
    this.date = periodDate(ctx.period);
    const [y, q] = [
      Number(ctx.period.slice(0, 4)),
      Number(ctx.period.slice(5)),
    ];
    this.prevDate = periodDate(q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`);
    this.nextDate = periodDate(q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`);
  }

  private state(unit: string): UnitState {
    let s = this.units.get(unit);
    if (!s) {
      const c = (): Collected => ({ fen: 0, rows: [] });
      s = {
        techFen: 0,
        shortWindow: c(),
        exit: c(),
        label: c(),
        cure: c(),
        firstClaim: c(),
        newAllAmount: 0,
        newAllRateAmount: 0,
        newTech: [],
        borrowers: new Map(),
      };
      this.units.set(unit, s);
    }
    return s;
  }

  add(r: SignalRow): void {
    const s = this.state(r.unit);
    const p = this.params;
    const key = loanKey(r.unit, r.loanNo);
    if (r.tech && r.balanceFen > 0) {
      s.techFen += r.balanceFen;
      s.borrowers.set(r.uscc, (s.borrowers.get(r.uscc) ?? 0) + r.balanceFen);
    }
    if (isShortWindowLoan(r, this.date, p.window_dressing))
      collect(s.shortWindow, ref(r, `matures ${r.maturityDate}`), r.balanceFen);
    if (this.ctx.next) {
      const n = this.ctx.next.get(key);
      if (vanishedEarly(r, this.date, this.nextDate, n, p.window_dressing)) {
        collect(
          s.exit,
          ref(
            r,
            n
              ? `next: balance 0 before maturity`
              : 'next: absent before maturity',
          ),
          r.balanceFen,
        );
      }
      const prev = this.ctx.previousClass.get(key);
      if (curedForSnapshot(r, prev, n))
        collect(
          s.cure,
          ref(r, `prev: ${prev}, next: ${n?.riskClass}`),
          r.balanceFen,
        );
    }
    if (
      lateTechLabel(
        r,
        this.date,
        this.ctx.firstQualified.get(r.uscc),
        p.tech_label_timing.qualified_within_days,
      )
    ) {
      collect(
        s.label,
        ref(r, `first listed ${this.ctx.firstQualified.get(r.uscc)}`),
        r.balanceFen,
      );
    }
    const newInQuarter = r.issueDate > this.prevDate;
    if (newInQuarter) {
      const bank = this.ctx.bankOf.get(r.unit) ?? '';
      if (falseFirstLoan(r, bank, this.ctx.earlierRows.get(r.uscc)))
        collect(s.firstClaim, ref(r, `earlier rows at ${bank}`), r.balanceFen);
      s.newAllAmount += r.amountFen;
      s.newAllRateAmount += r.amountFen * r.rateE4;
      if (r.tech) s.newTech.push({ rateE4: r.rateE4, ref: ref(r, '') });
    }
  }

  /** Every signal that crosses its threshold, by unit code then kind (deterministic). */
  result(): ComputedSignal[] {
    const out: ComputedSignal[] = [];
    const p = this.params;
    const codes = [...this.units.keys()].sort();
    for (const code of codes) {
      const s = this.units.get(code)!;
      const pct = (kind: SignalKind, c: Collected, band: SignalBand): void => {
        if (s.techFen <= 0 || !c.rows.length) return;
        const value = (100 * c.fen) / s.techFen;
        this.push(out, kind, code, value, band, s.techFen, c);
      };
      const count = (
        kind: SignalKind,
        c: Collected,
        band: SignalBand,
      ): void => {
        if (c.rows.length)
          this.push(out, kind, code, c.rows.length, band, 0, c);
      };
      pct('window_dressing', s.shortWindow, p.window_dressing.share_pct);
      pct('window_dressing_exit', s.exit, p.window_dressing_exit.share_pct);
      count('first_loan_claim', s.firstClaim, p.first_loan_claim.count);
      if (s.borrowers.size >= p.tech_label_timing.min_tech_borrowers)
        pct('tech_label_timing', s.label, p.tech_label_timing.share_pct);
      count('quarter_end_cure', s.cure, p.quarter_end_cure.count);
      this.pricing(out, code, s);
      this.concentration(out, code, s);
    }
    return out;
  }

  private pricing(out: ComputedSignal[], code: string, s: UnitState): void {
    if (!s.newTech.length || s.newAllAmount <= 0) return;
    const mean = s.newAllRateAmount / s.newAllAmount;
    const c: Collected = { fen: 0, rows: [] };
    let techAmount = 0;
    for (const t of s.newTech) {
      techAmount += t.ref.amountFen;
      if (pricedOutlier(t.rateE4, mean, this.params.pricing_outlier)) {
        collect(
          c,
          {
            ...t.ref,
            note: `rate ${(t.rateE4 / 10_000).toFixed(4)} % vs unit ${(mean / 10_000).toFixed(4)} %`,
          },
          t.ref.amountFen,
        );
      }
    }
    if (c.rows.length)
      this.push(
        out,
        'pricing_outlier',
        code,
        (100 * c.fen) / techAmount,
        this.params.pricing_outlier.share_pct,
        techAmount,
        c,
      );
  }

  private concentration(
    out: ComputedSignal[],
    code: string,
    s: UnitState,
  ): void {
    const p = this.params.concentration;
    if (s.borrowers.size < p.min_tech_borrowers || s.techFen <= 0) return;
    let top = '';
    let topFen = -1;
    for (const [uscc, fen] of s.borrowers)
      if (fen > topFen || (fen === topFen && uscc < top))
        [top, topFen] = [uscc, fen];
    const value = (100 * topFen) / s.techFen;
    const severity = severityOf(value, p.share_pct);
    if (!severity) return;
    out.push({
      kind: 'concentration',
      code,
      severity,
      value,
      threshold: p.share_pct.threshold,
      basisFen: s.techFen,
      amountFen: topFen,
      rowCount: 0,
      rows: [],
      borrower: top,
    });
  }

  private push(
    out: ComputedSignal[],
    kind: SignalKind,
    code: string,
    value: number,
    band: SignalBand,
    basisFen: number,
    c: Collected,
  ): void {
    const severity = severityOf(value, band);
    if (!severity) return;
    const rows = [...c.rows].sort(byWeight);
    out.push({
      kind,
      code,
      severity,
      value,
      threshold: band.threshold,
      basisFen,
      amountFen: c.fen,
      rowCount: rows.length,
      rows: rows.slice(0, SIGNAL_ROWS_KEPT),
    });
  }

  /** Tech balance S of each booking unit seen (fen). */
  techBalances(): Map<string, number> {
    return new Map([...this.units].map(([k, v]) => [k, v.techFen]));
  }
}
