import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, Hash } from 'crypto';
import { DataSource } from 'typeorm';
import {
  NPL_RISK_CLASSES,
  periodDate,
  periodYear,
  SME_TECH_KINDS,
  type InstitutionLevel,
  type PeerGroup,
  type PenaltyKind,
  type PenaltyRow,
  type PeriodAggregates,
  type QualitativeBlock,
  type QualitativeRow,
  type UnitInfo,
  type UnitLoanAggregate,
} from '@sci/shared';

/** The money sums of one booking unit, exact (BigInt) before the roll-up through the tree. */
interface MoneySums {
  rowCount: number;
  balanceAll: bigint;
  balanceTech: bigint;
  balanceTechSme: bigint;
  balanceTechCreditIp: bigint;
  balanceTechLong: bigint;
  balanceTechNpl: bigint;
  balanceAllNpl: bigint;
  newTechAmount: bigint;
  newTechRateAmount: bigint;
  newAllAmount: bigint;
  newAllRateAmount: bigint;
}

const MONEY_KEYS = [
  'balanceAll',
  'balanceTech',
  'balanceTechSme',
  'balanceTechCreditIp',
  'balanceTechLong',
  'balanceTechNpl',
  'balanceAllNpl',
  'newTechAmount',
  'newTechRateAmount',
  'newAllAmount',
  'newAllRateAmount',
] as const;

/** Column names of the sums query, in MONEY_KEYS order. */
const MONEY_COLUMNS = [
  'bal_all',
  'bal_tech',
  'bal_tech_sme',
  'bal_tech_credit_ip',
  'bal_tech_long',
  'bal_tech_npl',
  'bal_all_npl',
  'new_tech_amt',
  'new_tech_rate_amt',
  'new_all_amt',
  'new_all_rate_amt',
] as const;

const sqlList = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(',');

/**
 * Tech borrowers at a date (spec section 1): strategic emerging, or any qualification valid on
 * the date; `sme` = 1 when an SME-tech qualification is valid. One row per tech uscc, so a LEFT
 * JOIN tells tech rows (t.uscc IS NOT NULL) from the others. Parameters: d, d.
 */
const TECH_STATUS_SQL = `
  SELECT s.uscc AS uscc, MAX(s.sme) AS sme FROM (
    SELECT e.uscc AS uscc, 0 AS sme FROM enterprise e WHERE e.strategic_emerging = 1
    UNION ALL
    SELECT q.uscc AS uscc, CASE WHEN q.kind IN (${sqlList(SME_TECH_KINDS)}) THEN 1 ELSE 0 END AS sme
      FROM qualification q WHERE q.valid_from <= ? AND q.valid_to >= ?
  ) s GROUP BY s.uscc`;

const NPL = `l.risk_class IN (${sqlList(NPL_RISK_CLASSES)})`;
const TECH = 't.uscc IS NOT NULL';
/**
 * Long-term row: maturity later than the same calendar day one year after issue, 29 February
 * mapped to 28 February. Written with SUBSTR and + 0 only, so SQLite and MySQL agree without
 * a driver-specific string concatenation.
 */
const LONG_TERM = `(
  (SUBSTR(l.maturity_date, 1, 4) + 0) > (SUBSTR(l.issue_date, 1, 4) + 1)
  OR ((SUBSTR(l.maturity_date, 1, 4) + 0) = (SUBSTR(l.issue_date, 1, 4) + 1)
      AND SUBSTR(l.maturity_date, 6, 5) > CASE WHEN SUBSTR(l.issue_date, 6, 5) = '02-29' THEN '02-28' ELSE SUBSTR(l.issue_date, 6, 5) END))`;

/** SUM as an exact decimal string: MySQL SUM gives DECIMAL, SQLite an int64; both print exactly. */
const sum = (expr: string, alias: string): string => `CAST(SUM(${expr}) AS CHAR) AS ${alias}`;
const when = (cond: string, expr: string): string => `CASE WHEN ${cond} THEN ${expr} ELSE 0 END`;

/** Parameters (in text order): new-since date x4, d, d (tech status), period. */
const SUMS_SQL = `
  SELECT l.institution_code AS code, COUNT(*) AS row_count,
    ${sum('l.balance_fen', 'bal_all')},
    ${sum(when(TECH, 'l.balance_fen'), 'bal_tech')},
    ${sum(when('t.sme = 1', 'l.balance_fen'), 'bal_tech_sme')},
    ${sum(when(`${TECH} AND l.guarantee IN ('credit','ip_pledge')`, 'l.balance_fen'), 'bal_tech_credit_ip')},
    ${sum(when(`${TECH} AND ${LONG_TERM}`, 'l.balance_fen'), 'bal_tech_long')},
    ${sum(when(`${TECH} AND ${NPL}`, 'l.balance_fen'), 'bal_tech_npl')},
    ${sum(when(NPL, 'l.balance_fen'), 'bal_all_npl')},
    ${sum(when(`${TECH} AND l.issue_date >= ?`, 'l.amount_fen'), 'new_tech_amt')},
    ${sum(when(`${TECH} AND l.issue_date >= ?`, 'l.amount_fen * l.rate_e4'), 'new_tech_rate_amt')},
    ${sum(when('l.issue_date >= ?', 'l.amount_fen'), 'new_all_amt')},
    ${sum(when('l.issue_date >= ?', 'l.amount_fen * l.rate_e4'), 'new_all_rate_amt')}
  FROM loan l LEFT JOIN (${TECH_STATUS_SQL}) t ON t.uscc = l.uscc
  WHERE l.period = ?
  GROUP BY l.institution_code`;

/**
 * Distinct borrowers of every unit over its whole subtree (they cannot be summed from children:
 * one enterprise borrows from several outlets). Parameters: new-since x2, d, d, period.
 */
const DISTINCT_SQL = `
  SELECT c.ancestor_code AS code,
    COUNT(DISTINCT CASE WHEN ${TECH} AND l.balance_fen > 0 THEN l.uscc END) AS tech_borrowers,
    COUNT(DISTINCT CASE WHEN l.balance_fen > 0 THEN l.uscc END) AS all_borrowers,
    COUNT(DISTINCT CASE WHEN ${TECH} AND l.issue_date >= ? THEN l.uscc END) AS new_tech_borrowers,
    COUNT(DISTINCT CASE WHEN ${TECH} AND l.issue_date >= ? AND l.first_loan = 1 THEN l.uscc END) AS new_tech_first
  FROM loan l
    JOIN institution_closure c ON c.descendant_code = l.institution_code
    LEFT JOIN (${TECH_STATUS_SQL}) t ON t.uscc = l.uscc
  WHERE l.period = ?
  GROUP BY c.ancestor_code`;

/**
 * Every input row a run reads, in a canonical order (unique keys), for the run's fingerprint.
 * Loan ids are left out: re-importing the same rows gives new ids but the same inputs.
 */
const FINGERPRINT_QUERIES: { name: string; sql: (periods: number, years: number) => string }[] = [
  {
    name: 'institution',
    sql: () =>
      'SELECT code, name, parent_code, level, bank_code, peer_group, region_code, tech_specialist, opened_on FROM institution ORDER BY code',
  },
  { name: 'enterprise', sql: () => 'SELECT uscc, strategic_emerging FROM enterprise ORDER BY uscc' },
  { name: 'qualification', sql: () => 'SELECT uscc, kind, valid_from, valid_to FROM qualification ORDER BY uscc, kind, valid_from' },
  {
    name: 'loan',
    sql: (n) =>
      `SELECT period, institution_code, loan_no, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, guarantee, risk_class, first_loan
       FROM loan WHERE period IN (${placeholders(n)}) ORDER BY period, institution_code, loan_no`,
  },
  {
    name: 'qualitative_score',
    sql: (_n, y) => `SELECT year, institution_code, block, score_centi FROM qualitative_score WHERE year IN (${placeholders(y)}) ORDER BY year, institution_code, block`,
  },
  { name: 'penalty', sql: () => 'SELECT institution_code, decided_on, kind, reference FROM penalty ORDER BY institution_code, decided_on, kind, reference' },
];

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

interface BetterSqliteDb {
  prepare(sql: string): { raw(on: boolean): { iterate(...params: unknown[]): IterableIterator<unknown[]> } };
}

/** Reads a period's inputs for the engine: units, loan aggregates, qualitative scores, penalties. */
@Injectable()
export class ScoringDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listUnits(): Promise<UnitInfo[]> {
    const rows: { code: string; name: string; parent_code: string | null; level: string; bank_code: string; peer_group: string; region_code: string }[] =
      await this.dataSource.query('SELECT code, name, parent_code, level, bank_code, peer_group, region_code FROM institution');
    return rows
      .map((r) => ({
        code: r.code,
        name: r.name,
        parentCode: r.parent_code,
        level: r.level as InstitutionLevel,
        bankCode: r.bank_code,
        peerGroup: r.peer_group as PeerGroup,
        regionCode: r.region_code,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Periods that have at least one loan row, oldest first. */
  async periodsWithData(): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query('SELECT DISTINCT period FROM loan');
    return rows.map((r) => r.period).sort();
  }

  async hasLoans(period: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 AS x FROM loan WHERE period = ? LIMIT 1', [period]);
    return rows.length > 0;
  }

  /**
   * Loan aggregates of every unit over its subtree at `period` (what aggregatePeriod of the
   * engine defines): money summed per booking unit in SQL, rolled up through the tree in exact
   * integers; distinct borrower counts per unit over institution_closure.
   */
  async aggregatePeriod(period: string, units: UnitInfo[]): Promise<PeriodAggregates> {
    const d = periodDate(period);
    const newSince = `${periodYear(period)}-01-01`;
    const sumRows: Record<string, unknown>[] = await this.dataSource.query(SUMS_SQL, [newSince, newSince, newSince, newSince, d, d, period]);
    if (sumRows.length === 0) return { period, hasData: false, units: {} };
    const distinctRows: Record<string, unknown>[] = await this.dataSource.query(DISTINCT_SQL, [newSince, newSince, d, d, period]);

    const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
    const sums = new Map<string, MoneySums>();
    for (const r of sumRows) {
      const own = toMoneySums(r);
      // rows booked at a code that is not a unit are ignored, as in the reference aggregation
      const seen = new Set<string>();
      for (let c: string | null | undefined = String(r['code']); c && parentOf.has(c) && !seen.has(c); c = parentOf.get(c)) {
        seen.add(c);
        const acc = sums.get(c);
        sums.set(c, acc ? addSums(acc, own) : { ...own });
      }
    }
    const distinct = new Map(distinctRows.map((r) => [String(r['code']), r]));
    const out: Record<string, UnitLoanAggregate> = {};
    for (const code of [...sums.keys()].sort()) {
      const s = sums.get(code) as MoneySums;
      const dr = distinct.get(code);
      out[code] = {
        code,
        rowCount: s.rowCount,
        // Number() of an exact integer rounds once to the nearest double, as the reference does
        ...(Object.fromEntries(MONEY_KEYS.map((k) => [k, Number(s[k])])) as Record<(typeof MONEY_KEYS)[number], number>),
        techBorrowers: Number(dr?.['tech_borrowers'] ?? 0),
        allBorrowers: Number(dr?.['all_borrowers'] ?? 0),
        newTechBorrowers: Number(dr?.['new_tech_borrowers'] ?? 0),
        newTechFirstBorrowers: Number(dr?.['new_tech_first'] ?? 0),
      };
    }
    return { period, hasData: true, units: out };
  }

  /**
   * The borrowers behind K1 of a unit at a period: tech borrowers of its subtree by balance,
   * largest first (ties by uscc). Balance in fen, exact.
   */
  async topTechBorrowers(code: string, period: string, limit: number): Promise<{ uscc: string; name: string; balanceFen: number; loanCount: number }[]> {
    const d = periodDate(period);
    const rows: { uscc: string; name: string; bal: string; n: number | string }[] = await this.dataSource.query(
      `SELECT l.uscc AS uscc, e.name AS name, CAST(SUM(l.balance_fen) AS CHAR) AS bal, COUNT(*) AS n
       FROM loan l
         JOIN institution_closure c ON c.descendant_code = l.institution_code AND c.ancestor_code = ?
         JOIN (${TECH_STATUS_SQL}) t ON t.uscc = l.uscc
         JOIN enterprise e ON e.uscc = l.uscc
       WHERE l.period = ?
       GROUP BY l.uscc, e.name
       HAVING SUM(l.balance_fen) > 0
       ORDER BY SUM(l.balance_fen) DESC, l.uscc
       LIMIT ?`,
      [code, d, d, period, limit],
    );
    return rows.map((r) => ({ uscc: r.uscc, name: r.name, balanceFen: Number(BigInt(r.bal)), loanCount: Number(r.n) }));
  }

  /** Qualitative scores of the given years. */
  async qualitative(years: number[]): Promise<QualitativeRow[]> {
    const rows: { year: number; institution_code: string; block: string; score_centi: number; evidence: string | null }[] =
      await this.dataSource.query(
        `SELECT year, institution_code, block, score_centi, evidence FROM qualitative_score WHERE year IN (${placeholders(years.length)})`,
        years,
      );
    return rows.map((r) => ({
      year: Number(r.year),
      institutionCode: r.institution_code,
      block: r.block as QualitativeBlock,
      scoreCenti: Number(r.score_centi),
      evidence: r.evidence,
    }));
  }

  async penalties(): Promise<PenaltyRow[]> {
    const rows: { institution_code: string; decided_on: string; kind: string; reference: string }[] = await this.dataSource.query(
      'SELECT institution_code, decided_on, kind, reference FROM penalty',
    );
    return rows.map((r) => ({ institutionCode: r.institution_code, decidedOn: r.decided_on, kind: r.kind as PenaltyKind, reference: r.reference }));
  }

  /**
   * sha256 (hex) over every input row of a run: units, enterprises, qualifications, the loans of
   * `periods`, the qualitative scores of `years` and the penalties, each table in the order of its
   * unique key, rows streamed (a quarter may hold a million loans).
   */
  async fingerprint(periods: string[], years: number[]): Promise<string> {
    const hash = createHash('sha256');
    const sortedPeriods = [...periods].sort();
    const sortedYears = [...years].sort((a, b) => a - b);
    for (const q of FINGERPRINT_QUERIES) {
      hash.update(`\n#${q.name}\n`);
      const params = q.name === 'loan' ? sortedPeriods : q.name === 'qualitative_score' ? sortedYears : [];
      if (params.length === 0 && (q.name === 'loan' || q.name === 'qualitative_score')) continue;
      await this.hashRows(hash, q.sql(sortedPeriods.length, sortedYears.length), params);
    }
    return hash.digest('hex');
  }

  /** Feeds every row of a query to the hash, one JSON array per line, without loading them all. */
  private async hashRows(hash: Hash, sql: string, params: unknown[]): Promise<void> {
    // BIGINT may come back as a number (SQLite) or a string (MySQL): hash its decimal text.
    const line = (values: unknown[]): string => JSON.stringify(values.map((v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v)));
    if (this.dataSource.options.type === 'better-sqlite3') {
      const db = (this.dataSource.driver as unknown as { databaseConnection: BetterSqliteDb }).databaseConnection;
      for (const row of db.prepare(sql).raw(true).iterate(...params)) hash.update(line(row) + '\n');
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      const stream = await runner.stream(sql, params);
      for await (const row of stream as AsyncIterable<Record<string, unknown>>) hash.update(line(Object.values(row)) + '\n');
    } finally {
      await runner.release();
    }
  }
}

function toMoneySums(r: Record<string, unknown>): MoneySums {
  const out = { rowCount: Number(r['row_count']) } as MoneySums;
  MONEY_KEYS.forEach((k, i) => (out[k] = BigInt(String(r[MONEY_COLUMNS[i]] ?? '0'))));
  return out;
}

function addSums(a: MoneySums, b: MoneySums): MoneySums {
  const out = { rowCount: a.rowCount + b.rowCount } as MoneySums;
  for (const k of MONEY_KEYS) out[k] = a[k] + b[k];
  return out;
}
