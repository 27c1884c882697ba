import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DIGEST_TABLES,
  DigestAccumulator,
  DigestTable,
  InputDigest,
  InputDigestValue,
} from '@sci/shared';
import { hash } from 'crypto';
import { DataSource } from 'typeorm';
import {
  SqliteDb,
  sqliteSession,
  MysqlConnection,
  mysqlSession,
  WriteSession,
} from './write-session';

/** node:crypto's one-shot SHA-256 (faster than createHash for short lines). */
export const sha256 = (text: string): Uint8Array =>
  hash('sha256', text, 'buffer') as unknown as Uint8Array;

/** A new accumulator for `table` with the hash the import and the recompute both use. */
export function digestAccumulator(table: DigestTable): DigestAccumulator {
  return new DigestAccumulator(sha256, table === 'loan');
}

/** One digest to record: a table (and period for loans) with its value. */
export interface DigestRecord {
  table: DigestTable;
  period: string;
  value: InputDigestValue;
}

interface DigestRow {
  table_name: string;
  period: string;
  row_count: number | string;
  sum_balance_fen: number | string;
  sum_amount_fen: number | string;
  content_hash: string;
  batch_id: number | string | null;
  recorded_at: string | Date;
}

/**
 * input_digest: what each import recorded about the rows it stored (shared format/digest.ts).
 * `record` runs inside the import's write transaction (through its session); `recompute` reads a
 * table back from the database and folds it exactly as the import did, so the two agree when
 * nobody changed the rows behind the import's back.
 */
@Injectable()
export class InputDigestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The loan digests of these periods and the whole-table digests of every other table. */
  async forPeriods(periods: string[]): Promise<InputDigest[]> {
    const params: string[] = [...periods];
    const loans = periods.length
      ? ` OR (table_name = 'loan' AND period IN (${periods.map(() => '?').join(',')}))`
      : '';
    const rows: DigestRow[] = await this.dataSource.query(
      `SELECT * FROM input_digest WHERE period = ''${loans} ORDER BY table_name, period`,
      params,
    );
    return rows.map(toDigest);
  }

  /** Upserts digests through the import's session, inside its transaction. */
  record(
    session: WriteSession,
    batchId: number | null,
    digests: DigestRecord[],
    at = new Date(),
  ): Promise<void> {
    return recordDigests(session, batchId, digests, at);
  }

  /** Reads `table` (one period of loans; '' for the other tables) from the database and digests it. */
  async recompute(table: DigestTable, period = ''): Promise<InputDigestValue> {
    if (this.dataSource.options.type !== 'mysql') {
      const db = (
        this.dataSource.driver as unknown as { databaseConnection: SqliteDb }
      ).databaseConnection;
      return recomputeIn(sqliteSession(db), table, period);
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      const conn = (await runner.connect()) as MysqlConnection;
      return await recomputeIn(mysqlSession(conn), table, period);
    } finally {
      await runner.release();
    }
  }
}

/** Upserts digests through a session (the import's, inside its write transaction). */
export async function recordDigests(
  session: WriteSession,
  batchId: number | null,
  digests: DigestRecord[],
  at = new Date(),
): Promise<void> {
  for (const d of digests) {
    await session.run(
      'DELETE FROM input_digest WHERE table_name = ? AND period = ?',
      [d.table, d.period],
    );
    await session.run(
      'INSERT INTO input_digest (table_name, period, row_count, sum_balance_fen, sum_amount_fen, content_hash, batch_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        d.table,
        d.period,
        d.value.rowCount,
        d.value.sumBalanceFen,
        d.value.sumAmountFen,
        d.value.contentHash,
        batchId,
        toSqlTime(at),
      ],
    );
  }
}

/** The digest of `table` (and period) as stored, read through `session` (any row order). */
export async function recomputeIn(
  session: WriteSession,
  table: DigestTable,
  period = '',
): Promise<InputDigestValue> {
  const spec = DIGEST_TABLES[table];
  const acc = digestAccumulator(table);
  const where = spec.perPeriod ? '`period` = ?' : '';
  await session.scan(
    table,
    spec.columns,
    where,
    spec.perPeriod ? [period] : [],
    (row) => acc.add(row as never),
  );
  return acc.result();
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' UTC: how TypeORM writes datetime columns on both drivers. */
function toSqlTime(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}

function toDigest(r: DigestRow): InputDigest {
  const at =
    r.recorded_at instanceof Date
      ? r.recorded_at
      : new Date(
          String(r.recorded_at).replace(' ', 'T') +
            (String(r.recorded_at).endsWith('Z') ? '' : 'Z'),
        );
  return {
    table: r.table_name as DigestTable,
    period: r.period,
    rowCount: Number(r.row_count),
    sumBalanceFen: Number(r.sum_balance_fen),
    sumAmountFen: Number(r.sum_amount_fen),
    contentHash: r.content_hash,
    batchId: r.batch_id === null ? null : Number(r.batch_id),
    recordedAt: at.toISOString(),
  };
}
