import BetterSqlite3 from 'better-sqlite3';
import * as mysql2 from 'mysql2';
import {
  DIGEST_TABLES,
  NPL_RISK_CLASSES,
  type DigestValue,
  type BorrowerPartial,
  type DigestTable,
  type InputDigestValue,
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
import type { DatabaseConfig } from '../../core/config/app-config';
import { digestAccumulator } from '../../dataset/input-digest.repository';

/** What the cheap guard reads of one period's loans: compared with what the import recorded. */
export interface LoanTotals {
  rowCount: number;
  sumBalanceFen: number;
  sumAmountFen: number;
}

/** Guarantees whose tech balance counts for K7 (spec section 1). */
const CREDIT_IP_GUARANTEES = ['credit', 'ip_pledge'] as const;

/**
 * The read side of a run, on a connection of its own (the run's worker thread opens it): every
 * read of one run happens inside one read-only snapshot, so the fingerprint, the aggregates and
 * the scores all describe the same rows even while an import commits. No TypeORM here: a worker
 * thread holds no Nest application, only this connection. Writes stay in the main process.
 */
export class ComputeReadRepository {
  private constructor(
    private readonly dialect: 'sqlite' | 'mysql',
    private readonly sqlite: BetterSqlite3.Database | null,
    private readonly mysql: mysql2.Connection | null,
  ) {}

  /** Opens a read-only connection and starts its snapshot. */
  static async open(db: DatabaseConfig): Promise<ComputeReadRepository> {
    if (db.kind === 'sqlite') {
      const conn = new BetterSqlite3(db.sqlitePath as string, { readonly: true, fileMustExist: true });
      conn.pragma('busy_timeout = 10000');
      // a deferred transaction: the WAL snapshot starts at the first read and lasts to close()
      conn.exec('BEGIN');
      return new ComputeReadRepository('sqlite', conn, null);
    }
    const m = db.mysql as NonNullable<DatabaseConfig['mysql']>;
    const conn = mysql2.createConnection({
      host: m.host,
      port: m.port,
      user: m.username,
      password: m.password,
      database: m.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      connectTimeout: 10000,
    });
    const repo = new ComputeReadRepository('mysql', null, conn);
    await repo.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await repo.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    return repo;
  }

  /** Wraps an open better-sqlite3 connection (an in-memory database cannot be opened twice). */
  static ofSqlite(conn: BetterSqlite3.Database): ComputeReadRepository {
    return new ComputeReadRepository('sqlite', conn, null);
  }

  async close(): Promise<void> {
    if (this.sqlite) {
      if (this.sqlite.inTransaction && this.sqlite.readonly) this.sqlite.exec('COMMIT');
      if (this.sqlite.readonly) this.sqlite.close();
      return;
    }
    const conn = this.mysql as mysql2.Connection;
    await this.query('COMMIT').catch(() => undefined);
    await new Promise<void>((resolve) => conn.end(() => resolve()));
  }

  async listUnits(): Promise<UnitInfo[]> {
    const rows = await this.query<{ code: string; name: string; parent_code: string | null; level: string; bank_code: string; peer_group: string; region_code: string }>(
      'SELECT code, name, parent_code, level, bank_code, peer_group, region_code FROM institution',
    );
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

  /** What decides tech status (borrowerStatusAt): strategic emerging usccs and every qualification. */
  async borrowerReference(): Promise<{ enterprises: { uscc: string; strategicEmerging: boolean }[]; qualifications: QualificationRow[] }> {
    const es = await this.query<{ uscc: string }>('SELECT uscc FROM enterprise WHERE strategic_emerging = 1');
    const qs = await this.query<{ uscc: string; kind: string; valid_from: string; valid_to: string }>('SELECT uscc, kind, valid_from, valid_to FROM qualification');
    return {
      // only strategic emerging enterprises matter: an absent one is neither tech nor SME-tech
      enterprises: es.map((e) => ({ uscc: e.uscc, strategicEmerging: true })),
      qualifications: qs.map((q) => ({ uscc: q.uscc, kind: q.kind as QualificationKind, validFrom: q.valid_from, validTo: q.valid_to })),
    };
  }

  /**
   * The cheap guard: COUNT(*), SUM(balance_fen), SUM(amount_fen) of each period's loans in one
   * GROUP BY (an index-only scan of idx_loan_period_sums). Periods without rows are absent.
   */
  async loanTotals(periods: string[]): Promise<Map<string, LoanTotals>> {
    const out = new Map<string, LoanTotals>();
    if (!periods.length) return out;
    const rows = await this.query<{ period: string; n: number | string; b: number | string | null; a: number | string | null }>(
      `SELECT period, COUNT(*) AS n, SUM(balance_fen) AS b, SUM(amount_fen) AS a FROM loan WHERE period IN (${periods.map(() => '?').join(',')}) GROUP BY period`,
      periods,
    );
    for (const r of rows) out.set(r.period, { rowCount: Number(r.n), sumBalanceFen: Number(r.b ?? 0), sumAmountFen: Number(r.a ?? 0) });
    return out;
  }

  /** COUNT(*) of a table without periods (the guard of the reference tables). */
  async rowCount(table: Exclude<DigestTable, 'loan'>): Promise<number> {
    const [r] = await this.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(r.n);
  }

  /**
   * The digest of a table (one period of loans) read back from the snapshot and folded as the
   * import folds it (InputDigestRepository's accumulator over DIGEST_TABLES' columns), in one
   * streamed statement: a worker thread need not page to give the event loop a turn.
   */
  async recomputeDigest(table: DigestTable, period = ''): Promise<InputDigestValue> {
    const spec = DIGEST_TABLES[table];
    const acc = digestAccumulator(table);
    const cols = spec.columns.map((c) => `\`${c}\``).join(', ');
    await this.forEachRow(`SELECT ${cols} FROM \`${table}\`${spec.perPeriod ? ' WHERE period = ?' : ''}`, spec.perPeriod ? [period] : [], (r) =>
      acc.add(r as DigestValue[]),
    );
    return acc.result();
  }

  /** Cached aggregates of a period stored under exactly `key`, or null. */
  async cachedAggregates(period: string, key: string): Promise<PeriodAggregates | null> {
    const head = await this.query<{ unit_count: number | string; has_data: number | string }>(
      'SELECT unit_count, has_data FROM period_aggregate_set WHERE period = ? AND input_key = ?',
      [period, key],
    );
    if (!head[0]) return null;
    const rows = await this.query<{ code: string; sums: string }>('SELECT code, sums FROM period_aggregate WHERE period = ?', [period]);
    if (rows.length !== Number(head[0].unit_count)) return null;
    const units: Record<string, UnitLoanAggregate> = {};
    for (const r of rows.sort((a, b) => (a.code < b.code ? -1 : 1))) units[r.code] = { code: r.code, ...(JSON.parse(r.sums) as Omit<UnitLoanAggregate, 'code'>) };
    return { period, hasData: Number(head[0].has_data) === 1, units };
  }

  /**
   * One period's loans as BorrowerPartial sums, one per (booking unit, uscc): the database
   * groups and sums the rows (spec section 1's row rules as SQL, below), the engine's
   * LoanAggregator applies borrower status and rolls them up the tree. `newSince` is the first
   * day of the period's year. Streamed: never the whole result in memory.
   */
  forEachPartial(period: string, newSince: string, onPartial: (p: BorrowerPartial) => void): Promise<void> {
    // what the engine's NPL_RISK_CLASSES, isLongTerm and newSinceOf say, row by row; the
    // aggregation integration suite holds both paths to the same results on both databases
    const npl = NPL_RISK_CLASSES.map(() => '?').join(', ');
    const cip = CREDIT_IP_GUARANTEES.map(() => '?').join(', ');
    const sqlite = this.dialect === 'sqlite';
    // the same calendar day a year after issue, 29 February mapped to 28 February
    const tail = `CASE WHEN SUBSTR(issue_date, 5) = '-02-29' THEN '-02-28' ELSE SUBSTR(issue_date, 5) END`;
    const due = sqlite
      ? `(printf('%04d', CAST(SUBSTR(issue_date, 1, 4) AS INTEGER) + 1) || ${tail})`
      : `CONCAT(LPAD(CAST(SUBSTR(issue_date, 1, 4) AS UNSIGNED) + 1, 4, '0'), ${tail})`;
    const int = (e: string): string => (sqlite ? e : `CAST(${e} AS SIGNED)`);
    const inner = `SELECT institution_code, uscc, COUNT(*) AS n,
        ${int('SUM(balance_fen)')} AS bal,
        ${int(`SUM(CASE WHEN risk_class IN (${npl}) THEN balance_fen ELSE 0 END)`)} AS npl,
        ${int(`SUM(CASE WHEN guarantee IN (${cip}) THEN balance_fen ELSE 0 END)`)} AS cip,
        ${int(`SUM(CASE WHEN maturity_date > ${due} THEN balance_fen ELSE 0 END)`)} AS lng,
        ${int('SUM(CASE WHEN issue_date >= ? THEN amount_fen ELSE 0 END)')} AS na,
        ${int('SUM(CASE WHEN issue_date >= ? THEN amount_fen * rate_e4 ELSE 0 END)')} AS nr,
        MAX(CASE WHEN balance_fen > 0 THEN 1 ELSE 0 END)
          + 2 * MAX(CASE WHEN issue_date >= ? THEN 1 ELSE 0 END)
          + 4 * MAX(CASE WHEN issue_date >= ? AND first_loan = 1 THEN 1 ELSE 0 END) AS flags
      FROM loan WHERE period = ? GROUP BY institution_code, uscc`;
    // SQLite sums exactly in 64 bits but better-sqlite3 hands back doubles: the rate sum (fen *
    // rate_e4) can pass 2^53, so it comes in two exact halves. mysql2 gives an unsafe BIGINT as a string.
    const sql = sqlite
      ? `SELECT institution_code, uscc, n, bal, npl, cip, lng, na, nr / 4294967296, nr % 4294967296, flags FROM (${inner})`
      : inner;
    const params = [...NPL_RISK_CLASSES, ...CREDIT_IP_GUARANTEES, newSince, newSince, newSince, newSince, period];
    const emit = (r: unknown[]): void => {
      const flags = Number(r[sqlite ? 10 : 9]);
      onPartial({
        institutionCode: r[0] as string,
        uscc: r[1] as string,
        rowCount: Number(r[2]),
        balance: exact(r[3]),
        balanceNpl: exact(r[4]),
        balanceCreditIp: exact(r[5]),
        balanceLong: exact(r[6]),
        newAmount: exact(r[7]),
        newRateAmount: sqlite ? joinHalves(r[8] as number, r[9] as number) : exact(r[8]),
        withBalance: (flags & 1) !== 0,
        withNew: (flags & 2) !== 0,
        withNewFirst: (flags & 4) !== 0,
      });
    };
    return this.forEachRow(sql, params, emit);
  }

  /** Qualitative scores of the given years. */
  async qualitative(years: number[]): Promise<QualitativeRow[]> {
    const rows = await this.query<{ year: number; institution_code: string; block: string; score_centi: number; evidence: string | null }>(
      `SELECT year, institution_code, block, score_centi, evidence FROM qualitative_score WHERE year IN (${years.map(() => '?').join(',')})`,
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
    const rows = await this.query<{ institution_code: string; decided_on: string; kind: string; reference: string }>(
      'SELECT institution_code, decided_on, kind, reference FROM penalty',
    );
    return rows.map((r) => ({ institutionCode: r.institution_code, decidedOn: r.decided_on, kind: r.kind as PenaltyKind, reference: r.reference }));
  }

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.sqlite) {
      const s = this.sqlite.prepare(sql);
      return Promise.resolve((s.reader ? s.all(...params) : (s.run(...params), [])) as T[]);
    }
    return new Promise((resolve, reject) =>
      (this.mysql as mysql2.Connection).query({ sql, values: params }, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  /** Every row as an array, streamed (better-sqlite3 iterates synchronously: this is a worker thread). */
  private forEachRow(sql: string, params: unknown[], onRow: (row: unknown[]) => void): Promise<void> {
    if (this.sqlite) {
      for (const row of this.sqlite.prepare(sql).raw(true).iterate(...params)) onRow(row as unknown[]);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      (this.mysql as mysql2.Connection)
        .query({ sql, values: params, rowsAsArray: true })
        .on('result', (row) => onRow(row as unknown as unknown[]))
        .on('error', reject)
        .on('end', () => resolve());
    });
  }
}

/** A driver's integer: a number when it is one exactly, a BigInt when mysql2 gave an unsafe BIGINT as a string. */
function exact(v: unknown): number | bigint {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v;
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(String(v));
}

/** hi * 2^32 + lo, exact (SQLite's integer / and % truncate toward zero, so the identity holds for any sign). */
function joinHalves(hi: number, lo: number): number | bigint {
  const v = hi * 4294967296 + lo;
  return Number.isSafeInteger(v) ? v : BigInt(hi) * BigInt(4294967296) + BigInt(lo);
}
