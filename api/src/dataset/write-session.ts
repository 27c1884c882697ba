import BetterSqlite3 from 'better-sqlite3';
import type { SqlDialect, SqlValue } from './dataset-sql';

/**
 * One database connection inside (or outside) a transaction, the same interface on both drivers:
 * the import writes through it while it streams the files, and digests are read back through it
 * in the same transaction. Only dataset repositories create sessions.
 */
export interface WriteSession {
  readonly dialect: SqlDialect;
  run(sql: string, params?: SqlValue[]): Promise<void>;
  /**
   * The rows of `table` (columns in this order, as arrays) matching `where` (SQL with `?`, or
   * ''), streamed in no particular order: never the whole result in memory.
   */
  scan(
    table: string,
    columns: readonly string[],
    where: string,
    params: SqlValue[],
    onRow: (row: unknown[]) => void,
  ): Promise<void>;
  query<T = Record<string, unknown>>(
    sql: string,
    params?: SqlValue[],
  ): Promise<T[]>;
}

/** Rows a page when SQLite is read in pages (the connection cannot run statements while iterating). */
const SQLITE_PAGE = 20000;
const nextTick = (): Promise<void> => new Promise((r) => setImmediate(r));

export type SqliteDb = BetterSqlite3.Database;

/**
 * A session on a better-sqlite3 connection. Reads go page by page over rowid so the event loop
 * gets a turn between pages and other statements may run in between.
 */
export function sqliteSession(db: SqliteDb): WriteSession {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string): BetterSqlite3.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    async run(sql, params = []) {
      prepared(sql).run(params);
    },
    async scan(table, columns, where, params, onRow) {
      const cond = where ? `(${where}) AND rowid > ?` : 'rowid > ?';
      const page = prepared(
        `SELECT rowid, ${columns.map((c) => `\`${c}\``).join(', ')} FROM \`${table}\` WHERE ${cond} ORDER BY rowid LIMIT ${SQLITE_PAGE}`,
      );
      let after = -1;
      for (;;) {
        const rows = page.raw(true).all(...params, after) as unknown[][];
        for (const r of rows) onRow(r.slice(1));
        if (rows.length < SQLITE_PAGE) return;
        after = Number(rows[rows.length - 1][0]);
        await nextTick();
      }
    },
    async query<T>(sql: string, params: SqlValue[] = []) {
      const s = prepared(sql);
      return (s.reader ? s.all(params) : (s.run(params), [])) as T[];
    },
  };
}

/** The callback API of a mysql2 connection, as TypeORM's query runner hands it out. */
export interface MysqlConnection {
  query(
    opts: { sql: string; rowsAsArray?: boolean; values?: unknown[] },
    cb?: (err: Error | null, rows: unknown) => void,
  ): MysqlEvents;
}
interface MysqlEvents {
  on(event: 'result', cb: (row: unknown[]) => void): MysqlEvents;
  on(event: 'error', cb: (err: Error) => void): MysqlEvents;
  on(event: 'end', cb: () => void): MysqlEvents;
}

export function mysqlSession(conn: MysqlConnection): WriteSession {
  const query = <T>(sql: string, params: SqlValue[] = []): Promise<T[]> =>
    new Promise((resolve, reject) => {
      conn.query({ sql, values: params }, (err, rows) =>
        err ? reject(err) : resolve(rows as T[]),
      );
    });
  return {
    dialect: 'mysql',
    async run(sql, params = []) {
      await query(sql, params);
    },
    scan(table, columns, where, params, onRow) {
      const sql = `SELECT ${columns.map((c) => `\`${c}\``).join(', ')} FROM \`${table}\`${where ? ` WHERE ${where}` : ''}`;
      return new Promise<void>((resolve, reject) => {
        conn
          .query({ sql, values: params, rowsAsArray: true })
          .on('result', (row: unknown[]) => onRow(row))
          .on('error', reject)
          .on('end', () => resolve());
      });
    },
    query,
  };
}
