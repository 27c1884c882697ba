/**
 * Driver error codes meaning "the database is not reachable (or cannot write)", not "this request
 * is wrong": mysql2's socket and server-gone codes, TypeORM's closed pool, SQLite's I/O faults.
 */
const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);
const DOWN_MESSAGES = /Connection is not established|Pool is closed|connect ECONNREFUSED|Connection lost|closed state|read ECONNRESET/i;

/** The database-down cause of `err` (its driver code or message), or null when it is something else. */
export function databaseDownReason(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== 'object' || depth > 3) return null;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (DOWN_CODES.has(code) || DOWN_CODES.has(code.split('_').slice(0, 2).join('_'))) return code;
  if (typeof e.message === 'string' && DOWN_MESSAGES.test(e.message)) return e.message.split('\n')[0].slice(0, 120);
  return databaseDownReason(e.driverError, depth + 1) ?? databaseDownReason(e.cause, depth + 1);
}

/** Whether `err` is a lost or refused connection (an outage that ends by itself), not a full disk. */
export function isConnectionLoss(err: unknown): boolean {
  const reason = databaseDownReason(err);
  return reason !== null && !reason.startsWith('SQLITE_');
}
