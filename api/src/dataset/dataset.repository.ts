import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstitutionRow } from '@sci/shared';
import BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { InstitutionEntity } from './entities/institution.entity';
import {
  DatasetWrite,
  datasetStatements,
  SqlDialect,
  SqlStatement,
} from './dataset-sql';
import { smallTableDigests, loanDigests } from './dataset-digests';
import { DigestRecord, recordDigests } from './input-digest.repository';
import {
  MysqlConnection,
  mysqlSession,
  SqliteDb,
  sqliteSession,
  WriteSession,
} from './write-session';

const sleep = (ms: number): Promise<void> =>
  new Promise((r) => setTimeout(r, ms));

/**
 * The exchange-format tables (data-format.md): lookups for validation and the one-transaction
 * write of an import batch.
 *
 * The write runs on a connection of its own, so the import can stream its files with awaits in
 * the middle of the transaction: on MySQL a pooled connection; on an SQLite file a second
 * better-sqlite3 connection (WAL: the API keeps reading the committed data meanwhile; another
 * writer waits for the import's commit, up to busy_timeout). An in-memory SQLite database has no
 * second connection: there the write uses TypeORM's connection and must not be interleaved.
 */
@Injectable()
export class DatasetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get dialect(): SqlDialect {
    return this.dataSource.options.type === 'mysql' ||
      this.dataSource.options.type === 'mariadb'
      ? 'mysql'
      : 'sqlite';
  }

  async getInstitutions(): Promise<InstitutionRow[]> {
    const rows = await this.dataSource.getRepository(InstitutionEntity).find();
    return rows.map((u) => ({ ...u }));
  }

  async getExistingUsccs(usccs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // 5000 parameters a query: below SQLite's 32766, a small packet for MySQL
    for (let i = 0; i < usccs.length; i += 5000) {
      const part = usccs.slice(i, i + 5000);
      const rows: { uscc: string }[] = await this.dataSource.query(
        `SELECT uscc FROM enterprise WHERE uscc IN (${part.map(() => '?').join(',')})`,
        part,
      );
      for (const r of rows) found.add(r.uscc);
    }
    return found;
  }

  /** Every USCC in the database (a province has tens of thousands): the loans' reference set. */
  async getAllUsccs(): Promise<Set<string>> {
    const rows: { uscc: string }[] = await this.dataSource.query(
      'SELECT uscc FROM enterprise',
    );
    return new Set(rows.map((r) => r.uscc));
  }

  async countInstitutions(): Promise<number> {
    return this.dataSource.getRepository(InstitutionEntity).count();
  }

  /**
   * Writes a validated batch in one transaction: all of it or, on any failure, nothing. The input
   * digests of what it wrote (loans per period from the rows, small tables re-read) are recorded
   * in the same transaction.
   */
  async writeDataset(
    write: DatasetWrite,
    onLoanRows: (n: number) => void = () => undefined,
    batchId: number | null = null,
  ): Promise<void> {
    await this.withWriteTransaction(async (s) => {
      for (const st of datasetStatements(s.dialect, write)) {
        await s.run(st.sql, st.params);
        if (st.loanRows) onLoanRows(st.loanRows);
      }
      const records: DigestRecord[] = write.loans
        ? loanDigests(write.loans, write.loanPeriods ?? [])
        : [];
      records.push(...(await smallTableDigests(s, write)));
      await recordDigests(s, batchId, records);
    });
  }

  /** Runs statements as they are, for the benchmark's bare INSERT baseline (same path, no import). */
  async runStatements(statements: Iterable<SqlStatement>): Promise<void> {
    await this.withWriteTransaction(async (s) => {
      for (const st of statements) await s.run(st.sql, st.params);
    });
  }

  /**
   * Runs `fn` in one transaction on a connection of its own (see the class comment): commits when
   * it resolves, rolls back when it throws.
   */
  async withWriteTransaction<T>(fn: (session: WriteSession) => Promise<T>, opts: { lockWaitMs?: number } = {}): Promise<T> {
    if (this.dialect === 'mysql') return this.mysqlTransaction(fn);
    const file = this.dataSource.options.database as string | undefined;
    if (!file || file === ':memory:') return this.sharedSqliteTransaction(fn);
    const db = new BetterSqlite3(file);
    try {
      db.pragma('synchronous = NORMAL');
      await beginImmediate(db, opts.lockWaitMs ?? 120000);
      db.pragma('busy_timeout = 10000');
      return await sqliteTransaction(db, fn, false);
    } finally {
      db.close();
    }
  }

  private async sharedSqliteTransaction<T>(
    fn: (session: WriteSession) => Promise<T>,
  ): Promise<T> {
    const db = (
      this.dataSource.driver as unknown as { databaseConnection: SqliteDb }
    ).databaseConnection;
    // another request may be between two awaits of its own TypeORM transaction: let it finish
    for (let waited = 0; db.inTransaction; waited += 20) {
      if (waited > 120000)
        throw new Error(
          'the database stayed busy in another transaction for 2 minutes',
        );
      await sleep(20);
    }
    return sqliteTransaction(db, fn);
  }

  private async mysqlTransaction<T>(
    fn: (session: WriteSession) => Promise<T>,
  ): Promise<T> {
    const qr = this.dataSource.createQueryRunner();
    const conn = (await qr.connect()) as MysqlConnection;
    const s = mysqlSession(conn);
    try {
      await s.run('START TRANSACTION');
      try {
        const out = await fn(s);
        await s.run('COMMIT');
        return out;
      } catch (err) {
        await s.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await qr.release();
    }
  }
}

/** Another connection holds SQLite's write lock (another import, in this or another process). */
export class WriteLockBusyError extends Error {}

/**
 * Takes SQLite's write lock without blocking the event loop: busy_timeout would wait inside the
 * driver, synchronously; here each try fails at once and the wait is a timer.
 */
async function beginImmediate(db: SqliteDb, waitMs: number): Promise<void> {
  db.pragma('busy_timeout = 0');
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      if (Date.now() >= until) throw new WriteLockBusyError('another connection holds the database write lock');
      await sleep(200);
    }
  }
}

async function sqliteTransaction<T>(db: SqliteDb, fn: (session: WriteSession) => Promise<T>, begin = true): Promise<T> {
  if (begin) db.exec('BEGIN IMMEDIATE');
  try {
    const out = await fn(sqliteSession(db));
    db.exec('COMMIT');
    return out;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
