import { Injectable, Logger } from '@nestjs/common';
import {
  dayNumber,
  periodDate,
  shiftPeriod,
  signalParamsOf,
  SignalAccumulator,
  type RiskClass,
  type Scheme,
  type SnapshotState,
} from '@sci/shared';
import { BookingUnit, SignalDataRepository } from './signal-data.repository';
import {
  NewQualityStat,
  NewSignal,
  SignalsRepository,
} from './signals.repository';

const isoOfDay = (n: number): string =>
  new Date(n * 86_400_000).toISOString().slice(0, 10);

interface BankTally {
  rows: number;
  balanceFen: number;
  techFen: number;
  borrowers: Set<string>;
  missing: Set<string>;
}

/**
 * Computes a run's integrity signals and its period's quality figures (issue 13) after the run's
 * results are written: one streamed pass over the period's loan rows, with the neighbouring
 * snapshots read only where a rule needs them (loans issued just before the date, loans NPL at
 * the previous date, borrowers of first-loan rows). Thresholds come from the run's scheme.
 */
@Injectable()
export class SignalsComputer {
  private readonly logger = new Logger(SignalsComputer.name);

  constructor(
    private readonly data: SignalDataRepository,
    private readonly signals: SignalsRepository,
  ) {}

  /** Computes and stores; a failure is logged and leaves the run without signals (never fails the run). */
  async computeForRunSafely(
    runId: number,
    period: string,
    scheme: Scheme,
  ): Promise<void> {
    try {
      await this.computeForRun(runId, period, scheme);
    } catch (err) {
      this.logger.error(
        `signals of run ${runId} (${period}) failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async computeForRun(
    runId: number,
    period: string,
    scheme: Scheme,
  ): Promise<{ signals: number; durationMs: number }> {
    const started = Date.now();
    const params = signalParamsOf(scheme);
    const d = periodDate(period);
    const prev = shiftPeriod(period, 1);
    const next = shiftPeriod(period, -1);
    const hasNext = await this.data.hasPeriod(next);
    const units = await this.data.units();
    const unitByCode = new Map(units.map((u) => [u.code, u]));

    const nextRows = new Map<string, SnapshotState>();
    const previousClass = new Map<string, RiskClass>();
    const windowStart = isoOfDay(
      dayNumber(d) - params.window_dressing.issued_within_days,
    );
    if (hasNext)
      await this.data.nextRowsOfLateLoans(period, next, windowStart, nextRows);
    await this.data.nplAtPrevious(
      prev,
      hasNext ? next : null,
      previousClass,
      nextRows,
    );
    const [tech, missing, firstQualified, earlierRows, noQualitative] =
      await Promise.all([
        this.data.techBorrowers(d),
        this.data.borrowersMissingAttributes(),
        this.data.firstQualifiedBetween(
          isoOfDay(
            dayNumber(d) - params.tech_label_timing.qualified_within_days,
          ),
          d,
        ),
        this.data.earlierRowsOfFirstLoanBorrowers(period, periodDate(prev)),
        this.data.unitsMissingQualitative(runId),
      ]);

    const acc = new SignalAccumulator(
      {
        period,
        bankOf: new Map(units.map((u) => [u.code, u.bankCode])),
        next: hasNext ? nextRows : null,
        previousClass,
        earlierRows,
        firstQualified,
      },
      params,
    );
    const banks = new Map<string, BankTally>();
    const booked = new Set<string>();
    await this.data.forEachLoan(period, (r) => {
      const [
        unit,
        loanNo,
        uscc,
        issueDate,
        maturityDate,
        amount,
        balance,
        rate,
        riskClass,
        firstLoan,
      ] = r;
      const balanceFen = Number(balance);
      const isTech = tech.has(uscc);
      acc.add({
        unit,
        loanNo,
        uscc,
        issueDate,
        maturityDate,
        amountFen: Number(amount),
        balanceFen,
        rateE4: Number(rate),
        riskClass: riskClass as RiskClass,
        firstLoan: Number(firstLoan) === 1,
        tech: isTech,
      });
      booked.add(unit);
      const bank = unitByCode.get(unit)?.bankCode ?? unit;
      let t = banks.get(bank);
      if (!t)
        banks.set(
          bank,
          (t = {
            rows: 0,
            balanceFen: 0,
            techFen: 0,
            borrowers: new Set(),
            missing: new Set(),
          }),
        );
      t.rows++;
      t.balanceFen += balanceFen;
      if (isTech) t.techFen += balanceFen;
      t.borrowers.add(uscc);
      if (missing.has(uscc)) t.missing.add(uscc);
    });

    const found: NewSignal[] = [];
    for (const s of acc.result()) {
      const u = unitByCode.get(s.code);
      const rows = s.borrower
        ? await this.data.borrowerRows(period, s.code, s.borrower)
        : s.rows;
      found.push({
        ...s,
        rows,
        rowCount: s.borrower ? rows.length : s.rowCount,
        bankCode: u?.bankCode ?? '',
        regionCode: u?.regionCode ?? '',
      });
    }
    const stats = this.qualityStats(units, banks, booked, noQualitative);
    const durationMs = Date.now() - started;
    await this.signals.store(
      runId,
      period,
      found,
      stats,
      durationMs,
      new Date(),
    );
    return { signals: found.length, durationMs };
  }

  /** Per bank: its tallies, and its booking units (city, outlet) without rows or without any qualitative score (QUAL_MISSING in the run). */
  private qualityStats(
    units: BookingUnit[],
    banks: Map<string, BankTally>,
    booked: Set<string>,
    noQualitative: Set<string>,
  ): NewQualityStat[] {
    const bankCodes = [...new Set(units.map((u) => u.bankCode))].sort();
    return bankCodes.map((bank) => {
      const bookingUnits = units.filter(
        (u) => u.bankCode === bank && u.level !== 'head',
      );
      const t = banks.get(bank);
      return {
        bankCode: bank,
        rows: t?.rows ?? 0,
        balanceFen: t?.balanceFen ?? 0,
        techFen: t?.techFen ?? 0,
        borrowers: t?.borrowers.size ?? 0,
        borrowersMissing: t?.missing.size ?? 0,
        units: bookingUnits.length,
        unitsWithoutRows: bookingUnits
          .filter((u) => !booked.has(u.code))
          .map((u) => u.code),
        unitsWithoutQualitative: bookingUnits
          .filter((u) => booked.has(u.code) && noQualitative.has(u.code))
          .map((u) => u.code),
      };
    });
  }
}
