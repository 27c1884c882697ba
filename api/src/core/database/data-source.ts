import { mkdirSync } from 'fs';
import { dirname } from 'path';
import BetterSqlite3 from 'better-sqlite3';
import * as mysql2 from 'mysql2';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ConfigError, DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { guardSqliteTransactions } from './sqlite-transactions';

/** TypeORM options for either driver. Schema only by migrations; synchronize is never on. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (db.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      // drivers passed explicitly so the bundle's generated package.json lists them
      driver: BetterSqlite3,
      database: db.sqlitePath ?? ':memory:',
      // WAL lets the web read while an import or run writes; busy_timeout waits out short locks.
      enableWAL: db.sqlitePath !== ':memory:',
      prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
        conn.pragma('busy_timeout = 10000');
        conn.pragma('synchronous = NORMAL');
      },
    };
  }
  const m = db.mysql!;
  return {
    ...common,
    type: 'mysql',
    driver: mysql2,
    connectorPackage: 'mysql2',
    host: m.host,
    port: m.port,
    username: m.username,
    password: m.password,
    database: m.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    connectTimeout: 10000,
    extra: { connectionLimit: 10 },
  };
}

/** Turns a driver error into one line a person can act on, naming the setting. */
export function describeConnectionError(db: DatabaseConfig, err: unknown, setting = 'DATABASE_URL'): ConfigError {
  const e = err as { code?: string; message?: string };
  const where = db.kind === 'mysql' ? `${db.mysql!.host}:${db.mysql!.port}/${db.mysql!.database}` : db.sqlitePath;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running?)',
    ENOTFOUND: 'host not found',
    ETIMEDOUT: 'connection timed out',
    ER_ACCESS_DENIED_ERROR: 'access denied (wrong user or password)',
    ER_BAD_DB_ERROR: 'database does not exist',
    ER_DBACCESS_DENIED_ERROR: 'user has no access to this database',
    SQLITE_CANTOPEN: 'cannot open the file (check the path and permissions)',
    SQLITE_NOTADB: 'the file is not an SQLite database',
  };
  const reason = (e.code && reasons[e.code]) || e.message?.split('\n')[0] || String(err);
  return new ConfigError(setting, `cannot use ${db.kind} database at ${where}: ${reason}`);
}

/**
 * Opens the database and brings its schema up to date. Errors come back as one ConfigError line.
 */
export async function openDataSource(db: DatabaseConfig, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  if (db.kind === 'sqlite' && db.sqlitePath && db.sqlitePath !== ':memory:') {
    try {
      mkdirSync(dirname(db.sqlitePath), { recursive: true });
    } catch (err) {
      throw describeConnectionError(db, err);
    }
  }
  const ds = new DataSource(dataSourceOptions(db));
  try {
    await ds.initialize();
    await guardSqliteTransactions(ds);
  } catch (err) {
    throw describeConnectionError(db, err);
  }
  if (opts.migrate !== false) {
    try {
      await ds.runMigrations({ transaction: 'each' });
    } catch (err) {
      await ds.destroy().catch(() => undefined);
      throw new ConfigError('DATABASE_URL', `schema migration failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return ds;
}
