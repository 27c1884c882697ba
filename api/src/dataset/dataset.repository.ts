import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstitutionRow } from '@sci/shared';
import { DataSource } from 'typeorm';
import { InstitutionEntity } from './entities/institution.entity';
import { DatasetWrite, datasetStatements, SqlDialect, SqlStatement } from './dataset-sql';

interface SqliteStatement {
  run(params: unknown[]): unknown;
}
interface SqliteHandle {
  inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The exchange-format tables (data-format.md): lookups for validation and the one-transaction
 * write of an import batch.
 *
 * On SQLite the write runs synchronously on the driver's handle inside one transaction: TypeORM
 * shares a single SQLite connection between every request, so an await in the middle of the
 * batch would let other requests' statements run inside (and be rolled back with) it. Nothing
 * else runs while it writes; a batch of a million loan rows takes a few seconds. On MySQL the
 * write uses its own pooled connection and reports progress between chunks.
 */
@Injectable()
export class DatasetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get dialect(): SqlDialect {
    return this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb' ? 'mysql' : 'sqlite';
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
      const rows: { uscc: string }[] = await this.dataSource.query(`SELECT uscc FROM enterprise WHERE uscc IN (${part.map(() => '?').join(',')})`, part);
      for (const r of rows) found.add(r.uscc);
    }
    return found;
  }

  async countInstitutions(): Promise<number> {
    return this.dataSource.getRepository(InstitutionEntity).count();
  }

  /** Writes a validated batch in one transaction: all of it or, on any failure, nothing. */
  async writeDataset(write: DatasetWrite, onLoanRows: (n: number) => void = () => undefined): Promise<void> {
    const statements = datasetStatements(this.dialect, write);
    if (this.dialect === 'sqlite') return this.runSqlite(statements, onLoanRows);
    return this.runMysql(statements, onLoanRows);
  }

  /** Runs statements as they are, for the benchmark's bare INSERT baseline (same path, no import). */
  async runStatements(statements: Iterable<SqlStatement>): Promise<void> {
    if (this.dialect === 'sqlite') return this.runSqlite(statements, () => undefined);
    return this.runMysql(statements, () => undefined);
  }

  private async runSqlite(statements: Iterable<SqlStatement>, onLoanRows: (n: number) => void): Promise<void> {
    const db = (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
    // another request may be between two awaits of its own TypeORM transaction: let it finish
    for (let waited = 0; db.inTransaction; waited += 20) {
      if (waited > 120000) throw new Error('the database stayed busy in another transaction for 2 minutes');
      await sleep(20);
    }
    const cache = new Map<string, SqliteStatement>();
    db.transaction(() => {
      for (const s of statements) {
        let stmt = cache.get(s.sql);
        if (!stmt) {
          stmt = db.prepare(s.sql);
          cache.set(s.sql, stmt);
        }
        stmt.run(s.params);
        if (s.loanRows) onLoanRows(s.loanRows);
      }
    })();
  }

  private async runMysql(statements: Iterable<SqlStatement>, onLoanRows: (n: number) => void): Promise<void> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      try {
        for (const s of statements) {
          await qr.query(s.sql, s.params);
          if (s.loanRows) onLoanRows(s.loanRows);
        }
        await qr.commitTransaction();
      } catch (err) {
        await qr.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await qr.release();
    }
  }
}
