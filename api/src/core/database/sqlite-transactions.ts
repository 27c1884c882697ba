import type { DataSource, QueryRunner } from 'typeorm';

/** The native better-sqlite3 handle: `inTransaction` is SQLite's own truth (autocommit off). */
interface NativeSqlite {
  inTransaction: boolean;
}

type SqliteRunner = QueryRunner & { transactionDepth: number; isTransactionActive: boolean; connect(): Promise<NativeSqlite> };

/**
 * Keeps TypeORM's transaction bookkeeping for better-sqlite3 in step with SQLite itself.
 *
 * Why: better-sqlite3 has ONE connection and TypeORM one query runner for it. When a COMMIT fails
 * with SQLITE_FULL or SQLITE_IOERR (full disk), SQLite rolls the transaction back by itself; the
 * ROLLBACK TypeORM then sends fails ("no transaction is active") and TypeORM keeps believing a
 * transaction is open (depth 1). Every later `transaction()` then opens a SAVEPOINT, and the first
 * one that fails leaves SQLite inside a transaction that nothing ever commits: the process goes on
 * reading its own uncommitted writes ("succeeded", lease released) while the file never changes,
 * and all of it vanishes at close. Here every commit and rollback re-reads SQLite's state, a COMMIT
 * that leaves SQLite in a transaction is an error, and a stale depth is reset before a new BEGIN.
 */
export async function guardSqliteTransactions(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'better-sqlite3') return;
  const runner = ds.createQueryRunner() as SqliteRunner; // the driver's single runner
  const native = await runner.connect();
  const resync = (): void => {
    if (!native.inTransaction) {
      runner.transactionDepth = 0;
      runner.isTransactionActive = false;
    }
  };
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  runner.startTransaction = async (level) => {
    resync();
    return start(level);
  };
  runner.commitTransaction = async () => {
    const outermost = runner.transactionDepth <= 1;
    try {
      await commit();
    } finally {
      resync();
    }
    if (outermost && native.inTransaction) {
      throw new Error('SQLite did not commit the transaction (it is still open); nothing was written');
    }
  };
  runner.rollbackTransaction = async () => {
    try {
      await rollback();
    } finally {
      resync();
    }
  };
}
