import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  loanKey as key,
  NPL_RISK_CLASSES,
  type RiskClass,
  type SignalLoanRef,
  type SnapshotState,
} from '@sci/shared';

/** A loan row as streamed: institution_code, loan_no, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, risk_class, first_loan. */
export type SignalStreamRow = [
  string,
  string,
  string,
  string,
  string,
  number | string,
  number | string,
  number | string,
  string,
  number | string,
];

interface BetterSqliteDb {
  prepare(sql: string): {
    raw(on: boolean): {
      iterate(...params: unknown[]): IterableIterator<unknown[]>;
    };
  };
}
interface MysqlQueryEvents {
  on(event: 'result', cb: (row: unknown[]) => void): MysqlQueryEvents;
  on(event: 'error', cb: (err: Error) => void): MysqlQueryEvents;
  on(event: 'end', cb: () => void): MysqlQueryEvents;
}
interface MysqlStreamingConnection {
  query(
    opts: { sql: string; rowsAsArray: boolean },
    params: unknown[],
  ): MysqlQueryEvents;
}

export interface BookingUnit {
  code: string;
  name: string;
  bankCode: string;
  regionCode: string;
  level: string;
}

const NPL_IN = NPL_RISK_CLASSES.map((c) => `'${c}'`).join(', ');

/**
 * The loan-side reads of the signal rules: one streamed pass over the period's rows plus small,
 * index-driven lookups in the neighbouring snapshots (only the rows a rule can use come back).
 */
@Injectable()
export class SignalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  async units(): Promise<BookingUnit[]> {
    const rows: {
      code: string;
      name: string;
      bank_code: string;
      region_code: string;
      level: string;
    }[] = await this.dataSource.query(
      'SELECT code, name, bank_code, region_code, level FROM institution ORDER BY code',
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      bankCode: r.bank_code,
      regionCode: r.region_code,
      level: r.level,
    }));
  }

  async hasPeriod(period: string): Promise<boolean> {
    return (
      (
        await this.dataSource.query(
          'SELECT 1 AS x FROM loan WHERE period = ? LIMIT 1',
          [period],
        )
      ).length > 0
    );
  }

  /** Tech borrowers at date d (spec section 1): strategic emerging, or a qualification valid on d. */
  async techBorrowers(d: string): Promise<Set<string>> {
    const rows: { uscc: string }[] = await this.dataSource.query(
      `SELECT uscc FROM enterprise WHERE strategic_emerging = 1
       UNION SELECT uscc FROM qualification WHERE valid_from <= ? AND valid_to >= ?`,
      [d, d],
    );
    return new Set(rows.map((r) => r.uscc));
  }

  /** Borrowers without an industry code in their enterprise record. */
  async borrowersMissingAttributes(): Promise<Set<string>> {
    const rows: { uscc: string }[] = await this.dataSource.query(
      "SELECT uscc FROM enterprise WHERE industry_code IS NULL OR industry_code = ''",
    );
    return new Set(rows.map((r) => r.uscc));
  }

  /** Non-strategic enterprises whose first qualification starts in [from, to]: uscc -> valid_from. */
  async firstQualifiedBetween(
    from: string,
    to: string,
  ): Promise<Map<string, string>> {
    const rows: { uscc: string; first: string }[] = await this.dataSource.query(
      `SELECT q.uscc AS uscc, MIN(q.valid_from) AS first FROM qualification q JOIN enterprise e ON e.uscc = q.uscc
       WHERE e.strategic_emerging = 0 GROUP BY q.uscc HAVING MIN(q.valid_from) >= ? AND MIN(q.valid_from) <= ?`,
      [from, to],
    );
    return new Map(rows.map((r) => [r.uscc, r.first]));
  }

  /** Next-snapshot rows of the loans of `period` issued on or after `issuedFrom`. */
  async nextRowsOfLateLoans(
    period: string,
    next: string,
    issuedFrom: string,
    into: Map<string, SnapshotState>,
  ): Promise<void> {
    const rows: { c: string; n: string; b: number | string; r: RiskClass }[] =
      await this.dataSource.query(
        `SELECT l.institution_code AS c, l.loan_no AS n, x.balance_fen AS b, x.risk_class AS r
       FROM loan l JOIN loan x ON x.period = ? AND x.institution_code = l.institution_code AND x.loan_no = l.loan_no
       WHERE l.period = ? AND l.issue_date >= ?`,
        [next, period, issuedFrom],
      );
    for (const r of rows)
      into.set(key(r.c, r.n), { balanceFen: Number(r.b), riskClass: r.r });
  }

  /** Loans NPL at the previous snapshot: their class there, and their next-snapshot row when there is one. */
  async nplAtPrevious(
    previous: string,
    next: string | null,
    previousClass: Map<string, RiskClass>,
    nextRows: Map<string, SnapshotState>,
  ): Promise<void> {
    const rows: {
      c: string;
      n: string;
      pr: RiskClass;
      b: number | string | null;
      r: RiskClass | null;
    }[] = await this.dataSource.query(
      `SELECT p.institution_code AS c, p.loan_no AS n, p.risk_class AS pr, x.balance_fen AS b, x.risk_class AS r
       FROM loan p LEFT JOIN loan x ON x.period = ? AND x.institution_code = p.institution_code AND x.loan_no = p.loan_no
       WHERE p.period = ? AND p.risk_class IN (${NPL_IN})`,
      [next ?? '', previous],
    );
    for (const r of rows) {
      previousClass.set(key(r.c, r.n), r.pr);
      if (r.r !== null)
        nextRows.set(key(r.c, r.n), {
          balanceFen: Number(r.b),
          riskClass: r.r,
        });
    }
  }

  /** For borrowers of rows of `period` flagged first_loan issued after `after`: their (bank, period) in earlier snapshots. */
  async earlierRowsOfFirstLoanBorrowers(
    period: string,
    after: string,
  ): Promise<Map<string, { bankCode: string; period: string }[]>> {
    const rows: { u: string; b: string; p: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT f.uscc AS u, i.bank_code AS b, e.period AS p
       FROM loan f JOIN loan e ON e.uscc = f.uscc AND e.period < ? JOIN institution i ON i.code = e.institution_code
       WHERE f.period = ? AND f.first_loan = 1 AND f.issue_date > ?`,
        [period, period, after],
      );
    const out = new Map<string, { bankCode: string; period: string }[]>();
    for (const r of rows)
      out.set(r.u, [...(out.get(r.u) ?? []), { bankCode: r.b, period: r.p }]);
    return out;
  }

  /** Units of a run whose qualitative blocks found no score at all, own or inherited (flag QUAL_MISSING). */
  async unitsMissingQualitative(runId: number): Promise<Set<string>> {
    const rows: { c: string }[] = await this.dataSource.query(
      "SELECT code AS c FROM run_result WHERE run_id = ? AND flags LIKE '%QUAL_MISSING%'",
      [runId],
    );
    return new Set(rows.map((r) => r.c));
  }

  /** The rows of one borrower at one booking unit (a concentration signal's driving rows). */
  async borrowerRows(
    period: string,
    unit: string,
    uscc: string,
  ): Promise<SignalLoanRef[]> {
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT loan_no, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, risk_class FROM loan
       WHERE period = ? AND institution_code = ? AND uscc = ? AND balance_fen > 0 ORDER BY balance_fen DESC, loan_no`,
      [period, unit, uscc],
    );
    return rows.map((r) => ({
      loanNo: String(r['loan_no']),
      uscc: String(r['uscc']),
      issueDate: String(r['issue_date']),
      maturityDate: String(r['maturity_date']),
      amountFen: Number(r['amount_fen']),
      balanceFen: Number(r['balance_fen']),
      rateE4: Number(r['rate_e4']),
      riskClass: r['risk_class'] as RiskClass,
      note: 'largest tech borrower',
    }));
  }

  /**
   * Every loan row of `period`, streamed (a quarter may hold a million rows). The same technique
   * as the run's aggregation: better-sqlite3 iterates synchronously, mysql2 streams the result.
   */
  async forEachLoan(
    period: string,
    onRow: (row: SignalStreamRow) => void,
  ): Promise<void> {
    const sql = `SELECT institution_code, loan_no, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, risk_class, first_loan
      FROM loan WHERE period = ?`;
    if (!this.mysql) {
      const db = (
        this.dataSource.driver as unknown as {
          databaseConnection: BetterSqliteDb;
        }
      ).databaseConnection;
      for (const row of db.prepare(sql).raw(true).iterate(period))
        onRow(row as SignalStreamRow);
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      const conn = (await runner.connect()) as MysqlStreamingConnection;
      await new Promise<void>((resolve, reject) => {
        conn
          .query({ sql, rowsAsArray: true }, [period])
          .on('result', (row: unknown[]) => onRow(row as SignalStreamRow))
          .on('error', reject)
          .on('end', () => resolve());
      });
    } finally {
      await runner.release();
    }
  }
}
