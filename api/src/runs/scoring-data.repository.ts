import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import {
  borrowerStatusAt,
  periodDate,
  type EnterpriseRow,
  type InstitutionLevel,
  type PeerGroup,
  type PenaltyKind,
  type PenaltyRow,
  type PeriodAggregates,
  type QualificationKind,
  type QualificationRow,
  type QualitativeBlock,
  type QualitativeRow,
  type UnitInfo,
  type UnitLoanAggregate,
} from '@sci/shared';
import { PeriodAggregator, STREAMED_LOAN_COLUMNS, StreamedLoan } from './period-aggregator';

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/**
 * Tech borrowers at a date (spec section 1) in SQL, for per-unit lookups (top borrowers):
 * strategic emerging, or any qualification valid on the date. Parameters: d, d.
 */
const TECH_STATUS_SQL = `
  SELECT s.uscc AS uscc FROM (
    SELECT e.uscc AS uscc FROM enterprise e WHERE e.strategic_emerging = 1
    UNION ALL
    SELECT q.uscc AS uscc FROM qualification q WHERE q.valid_from <= ? AND q.valid_to >= ?
  ) s GROUP BY s.uscc`;

/**
 * The input tables of a run as canonical text lines (columns joined by '|', in the order of the
 * table's unique key), so each table's sha256 covers every row. `where` tables take parameters.
 */
const HASHED_TABLES = {
  institution: {
    cols: ['code', 'name', "COALESCE(parent_code, '')", 'level', 'bank_code', 'peer_group', 'region_code', 'tech_specialist', 'opened_on'],
    tail: 'FROM institution ORDER BY code',
  },
  enterprise: { cols: ['uscc', 'strategic_emerging'], tail: 'FROM enterprise ORDER BY uscc' },
  qualification: { cols: ['uscc', 'kind', 'valid_from', 'valid_to'], tail: 'FROM qualification ORDER BY uscc, kind, valid_from' },
  // loan ids are left out: re-importing the same rows gives new ids but the same inputs
  loan: {
    cols: ['period', 'institution_code', 'loan_no', 'uscc', 'issue_date', 'maturity_date', 'amount_fen', 'balance_fen', 'rate_e4', 'guarantee', 'risk_class', 'first_loan'],
    tail: 'FROM loan WHERE period = ? ORDER BY institution_code, loan_no',
  },
  qualitative_score: { cols: ['year', 'institution_code', 'block', 'score_centi'], tail: 'FROM qualitative_score WHERE year = ? ORDER BY institution_code, block' },
  penalty: { cols: ['institution_code', 'decided_on', 'kind', 'reference'], tail: 'FROM penalty ORDER BY institution_code, decided_on, kind, reference' },
} as const;
type HashedTable = keyof typeof HASHED_TABLES;

export interface BorrowerReference {
  enterprises: EnterpriseRow[];
  qualifications: QualificationRow[];
}

/** sha256 of each input table of a run; loans and qualitative scores per period / year. */
export interface InputHashes {
  institution: string;
  enterprise: string;
  qualification: string;
  penalty: string;
  loans: Record<string, string>;
  qualitative: Record<string, string>;
}

interface BetterSqliteDb {
  prepare(sql: string): {
    raw(on: boolean): { iterate(...params: unknown[]): IterableIterator<unknown[]> };
  };
}

/** The event interface of a mysql2 (callback API) query: one 'result' per row. */
interface MysqlQueryEvents {
  on(event: 'result', cb: (row: unknown[]) => void): MysqlQueryEvents;
  on(event: 'error', cb: (err: Error) => void): MysqlQueryEvents;
  on(event: 'end', cb: () => void): MysqlQueryEvents;
}

interface MysqlStreamingConnection {
  query(opts: { sql: string; rowsAsArray: boolean }, params: unknown[]): MysqlQueryEvents;
}

/** Reads a period's inputs for the engine: units, loan aggregates, qualitative scores, penalties. */
@Injectable()
export class ScoringDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

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

  /** What decides tech and SME-tech status (engine's borrowerStatusAt): strategic emerging flags and qualifications. */
  async borrowerReference(): Promise<BorrowerReference> {
    const es: { uscc: string }[] = await this.dataSource.query('SELECT uscc FROM enterprise WHERE strategic_emerging = 1');
    const qs: { uscc: string; kind: string; valid_from: string; valid_to: string }[] = await this.dataSource.query(
      'SELECT uscc, kind, valid_from, valid_to FROM qualification',
    );
    return {
      // only strategic emerging enterprises matter: an absent one is neither tech nor SME-tech
      enterprises: es.map((e) => ({ uscc: e.uscc, strategicEmerging: true }) as EnterpriseRow),
      qualifications: qs.map((q) => ({ uscc: q.uscc, kind: q.kind as QualificationKind, validFrom: q.valid_from, validTo: q.valid_to })),
    };
  }

  /**
   * Loan aggregates of every unit over its subtree at `period` (what aggregatePeriod of the
   * engine defines), from one streamed pass over the period's rows: sums per booking unit rolled
   * up through the tree exactly, distinct borrowers as sets per unit (they cannot be summed from
   * children). Tech status at the period's date comes from `reference` (loaded when not given).
   * The same pass hashes the rows as loanHash does, so a caller can tell they did not change.
   */
  async aggregatePeriod(period: string, units: UnitInfo[], reference?: BorrowerReference): Promise<PeriodAggregates & { loanHash: string }> {
    const ref = reference ?? (await this.borrowerReference());
    const aggregator = new PeriodAggregator(period, units, borrowerStatusAt(periodDate(period), ref.enterprises, ref.qualifications));
    const hash = createHash('sha256');
    const t = HASHED_TABLES.loan;
    await this.forEachRow(`SELECT ${this.lineOf(t.cols)}, ${STREAMED_LOAN_COLUMNS} ${t.tail}`, [period], (row) => {
      hash.update(`${String(row[0])}\n`);
      aggregator.add(row.slice(1) as StreamedLoan);
    });
    return { ...aggregator.result(), loanHash: hash.digest('hex') };
  }

  /**
   * sha256 of every input table of a run, each table's rows in its canonical order. `memo`
   * shares the hashes between the periods of one scheduler tick (a quarter is an input of the
   * four or five periods after it); leave it out to read everything afresh.
   */
  async inputHashes(periods: string[], years: number[], memo: Map<string, Promise<string>> = new Map()): Promise<InputHashes> {
    const once = (key: string, f: () => Promise<string>): Promise<string> => {
      let h = memo.get(key);
      if (!h) {
        h = f();
        memo.set(key, h);
      }
      return h;
    };
    const table = (t: HashedTable): Promise<string> => once(t, () => this.hashTable(t, []));
    const out: InputHashes = {
      institution: await table('institution'),
      enterprise: await table('enterprise'),
      qualification: await table('qualification'),
      penalty: await table('penalty'),
      loans: {},
      qualitative: {},
    };
    for (const p of [...periods].sort()) out.loans[p] = await once(`loan:${p}`, () => this.loanHash(p));
    for (const y of [...years].sort((a, b) => a - b)) out.qualitative[String(y)] = await once(`qualitative:${y}`, () => this.hashTable('qualitative_score', [y]));
    return out;
  }

  /** A row as one canonical text line: columns joined by '|'. */
  private lineOf(cols: readonly string[]): string {
    return this.mysql ? `CONCAT_WS('|', ${cols.join(', ')})` : cols.join(" || '|' || ");
  }

  /** sha256 of one period's loan rows. */
  loanHash(period: string): Promise<string> {
    return this.hashTable('loan', [period]);
  }

  private async hashTable(table: HashedTable, params: unknown[]): Promise<string> {
    const t = HASHED_TABLES[table];
    const hash = createHash('sha256');
    await this.forEachRow(`SELECT ${this.lineOf(t.cols)} ${t.tail}`, params, (row) => hash.update(`${String(row[0])}\n`));
    return hash.digest('hex');
  }

  /** Cached aggregates of a period for exactly these inputs (`key`), or null. */
  async cachedAggregates(period: string, key: string): Promise<PeriodAggregates | null> {
    const head: { unit_count: number | string; has_data: number | string }[] = await this.dataSource.query(
      'SELECT unit_count, has_data FROM period_aggregate_set WHERE period = ? AND input_key = ?',
      [period, key],
    );
    if (!head[0]) return null;
    const rows: { code: string; sums: string }[] = await this.dataSource.query('SELECT code, sums FROM period_aggregate WHERE period = ?', [period]);
    if (rows.length !== Number(head[0].unit_count)) return null;
    const units: Record<string, UnitLoanAggregate> = {};
    for (const r of rows.sort((a, b) => (a.code < b.code ? -1 : 1))) units[r.code] = { code: r.code, ...(JSON.parse(r.sums) as Omit<UnitLoanAggregate, 'code'>) };
    return { period, hasData: Number(head[0].has_data) === 1, units };
  }

  /** Stores a period's aggregates under `key` (best effort: a concurrent writer may win). */
  async storeAggregates(key: string, agg: PeriodAggregates): Promise<void> {
    const units = Object.values(agg.units);
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query('DELETE FROM period_aggregate_set WHERE period = ?', [agg.period]);
        await m.query('DELETE FROM period_aggregate WHERE period = ?', [agg.period]);
        for (let i = 0; i < units.length; i += 500) {
          const chunk = units.slice(i, i + 500);
          await m.query(
            `INSERT INTO period_aggregate (period, code, sums) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
            chunk.flatMap(({ code, ...sums }) => [agg.period, code, JSON.stringify(sums)]),
          );
        }
        await m.query('INSERT INTO period_aggregate_set (period, input_key, has_data, unit_count) VALUES (?, ?, ?, ?)', [
          agg.period,
          key,
          agg.hasData ? 1 : 0,
          units.length,
        ]);
      });
    } catch {
      // another run stored the same period at the same time; the cache is only a shortcut
    }
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
   * Calls `onRow` with every row as an array, streamed: a quarter may hold a million loans, more
   * than is wise to hold as objects. better-sqlite3 iterates its statement synchronously (an
   * async iterator would cost more per row than the row itself); mysql2 streams the result set.
   */
  private async forEachRow(sql: string, params: unknown[], onRow: (row: unknown[]) => void): Promise<void> {
    if (!this.mysql) {
      const db = (this.dataSource.driver as unknown as { databaseConnection: BetterSqliteDb }).databaseConnection;
      for (const row of db.prepare(sql).raw(true).iterate(...params)) onRow(row);
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      const conn = (await runner.connect()) as MysqlStreamingConnection;
      await new Promise<void>((resolve, reject) => {
        conn
          .query({ sql, rowsAsArray: true }, params)
          .on('result', (row: unknown[]) => onRow(row))
          .on('error', reject)
          .on('end', () => resolve());
      });
    } finally {
      await runner.release();
    }
  }
}

