import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { LeaseEntity } from './lease.entity';

/**
 * Named leases on the shared database: the one mechanism that keeps API replicas from running
 * the same period twice. Taking a lease is one conditional UPDATE; the database decides who won.
 */
@Injectable()
export class LeaseRepository {
  constructor(@InjectRepository(LeaseEntity) private readonly repo: Repository<LeaseEntity>) {}

  /**
   * Takes `name` for `holder` until now + ttl when it is free or expired. Not re-entrant: a
   * holder asking again for a lease it holds gets false (one run per period, even in a process).
   */
  async tryAcquire(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    await this.ensureRow(name);
    const r = await this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder, expiresAt: now + ttlMs, heartbeatAt: now })
      .where('name = :name AND (holder IS NULL OR expires_at < :now)', { name, now })
      .execute();
    return r.affected === 1;
  }

  /** Extends a lease the holder still has; false when it was lost (expired and taken over). */
  async heartbeat(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const r = await this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ expiresAt: now + ttlMs, heartbeatAt: now })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
    return r.affected === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder: null, expiresAt: 0 })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
  }

  /** The live holders of leases whose name starts with `prefix` (unexpired at `now`). */
  async liveHolders(prefix: string, now = Date.now()): Promise<Map<string, string>> {
    const rows = await this.repo
      .createQueryBuilder('l')
      .where('l.name LIKE :p AND l.holder IS NOT NULL AND l.expires_at >= :now', { p: `${prefix}%`, now })
      .getMany();
    return new Map(rows.map((r) => [r.name, r.holder as string]));
  }

  private async ensureRow(name: string): Promise<void> {
    if (await this.repo.exists({ where: { name } })) return;
    try {
      await this.repo.insert({ name, holder: null, expiresAt: 0, heartbeatAt: null });
    } catch (err) {
      // another replica created it first: fine, the UPDATE decides
      if (!(err instanceof QueryFailedError)) throw err;
    }
  }
}
