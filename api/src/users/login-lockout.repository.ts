import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LockoutPolicy {
  /** consecutive failures from one address that lock that (account, address) pair */
  threshold: number;
  /** the first lock; each further lock of the same pair doubles it, up to maxLockMs */
  lockMs: number;
  maxLockMs: number;
  /** a pair without failures for this long starts afresh (streak and backoff forgotten) */
  forgetMs: number;
}

interface Row {
  failures: number;
  locks: number;
  locked_until: string | Date | null;
  last_failure_at: string | Date;
}

/** Datetimes as both drivers store and compare them: 'YYYY-MM-DD HH:MM:SS' in UTC. */
const sqlTime = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');
const fromSql = (v: string | Date): Date => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));

/**
 * Every read and write of login_lockout: failed sign-ins per (account, client address). Keyed by
 * the lower-cased username as typed, whether or not such an account exists, so that a lock
 * answers exactly like an unknown name (docs/access.md, "Login hardening").
 */
@Injectable()
export class LoginLockoutRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Until when this pair is locked, or null. */
  async lockedUntil(account: string, address: string, now: Date): Promise<Date | null> {
    const r = await this.row(account, address);
    if (!r?.locked_until) return null;
    const until = fromSql(r.locked_until);
    return until.getTime() > now.getTime() ? until : null;
  }

  /** Counts a failure; locks the pair (with doubling backoff) when the streak reaches the threshold. */
  async recordFailure(account: string, address: string, now: Date, p: LockoutPolicy): Promise<{ lockedUntil: Date | null }> {
    const r = await this.row(account, address);
    const stale = r !== null && now.getTime() - fromSql(r.last_failure_at).getTime() > p.forgetMs;
    let failures = (r && !stale ? r.failures : 0) + 1;
    let locks = r && !stale ? r.locks : 0;
    let lockedUntil: Date | null = null;
    if (failures >= p.threshold) {
      lockedUntil = new Date(now.getTime() + Math.min(p.maxLockMs, p.lockMs * 2 ** locks));
      locks += 1;
      failures = 0;
    }
    const values = [failures, locks, lockedUntil ? sqlTime(lockedUntil) : null, sqlTime(now), account, address];
    if (r) {
      await this.ds.query('UPDATE login_lockout SET failures = ?, locks = ?, locked_until = ?, last_failure_at = ? WHERE account = ? AND address = ?', values);
    } else {
      try {
        await this.ds.query('INSERT INTO login_lockout (failures, locks, locked_until, last_failure_at, account, address) VALUES (?, ?, ?, ?, ?, ?)', values);
      } catch {
        // a concurrent failure inserted the row first: count this one on it
        await this.ds.query('UPDATE login_lockout SET failures = failures + 1, last_failure_at = ? WHERE account = ? AND address = ?', [sqlTime(now), account, address]);
      }
    }
    return { lockedUntil };
  }

  /** A successful sign-in from this address ends its streak (other addresses keep theirs). */
  async clear(account: string, address: string): Promise<void> {
    await this.ds.query('DELETE FROM login_lockout WHERE account = ? AND address = ?', [account, address]);
  }

  /** Enable / password reset by an administrator: every address starts afresh. */
  async clearAccount(account: string): Promise<void> {
    await this.ds.query('DELETE FROM login_lockout WHERE account = ?', [account]);
  }

  /** The latest active lock of each account (for the admin list). */
  async activeLocks(now: Date): Promise<Map<string, Date>> {
    const rows: { account: string; until: string | Date }[] = await this.ds.query(
      'SELECT account, MAX(locked_until) AS until FROM login_lockout WHERE locked_until > ? GROUP BY account',
      [sqlTime(now)],
    );
    return new Map(rows.map((r) => [r.account, fromSql(r.until)]));
  }

  private async row(account: string, address: string): Promise<Row | null> {
    const rows: Row[] = await this.ds.query(
      'SELECT failures, locks, locked_until, last_failure_at FROM login_lockout WHERE account = ? AND address = ?',
      [account, address],
    );
    return rows[0] ?? null;
  }
}

/** The lockout key of a typed username: case-insensitive like the usernames themselves. */
export function lockoutAccount(username: string): string {
  return username.toLowerCase().slice(0, 64);
}
