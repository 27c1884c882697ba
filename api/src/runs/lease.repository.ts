import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { LeaseEntity } from './lease.entity';

/** What a holder got when it took a lease: the fencing token its writes must present. */
export interface LeaseToken {
  name: string;
  holder: string;
  generation: number;
}

/** The lease was taken over (or released) since the holder got it: its writes must not land. */
export class LeaseLostError extends Error {
  constructor(readonly lease: LeaseToken) {
    super(`the lease ${lease.name} was taken over by another instance (this one held generation ${lease.generation}); nothing was written`);
  }
}

/**
 * Named leases on the shared database: the one mechanism that keeps API replicas from running
 * the same period twice. Taking a lease is one conditional UPDATE; the database decides who won.
 * Every take increments the lease's generation (a fencing token): a holder that was paused past
 * its expiry still believes it holds the lease, so what it writes is checked against the token in
 * the same transaction (`fence`), not against its belief.
 */
@Injectable()
export class LeaseRepository {
  constructor(@InjectRepository(LeaseEntity) private readonly repo: Repository<LeaseEntity>) {}

  /**
   * Takes `name` for `holder` until now + ttl when it is free or expired; the token, or null when
   * another holder has it. Not re-entrant: a holder asking again for a lease it holds gets null.
   */
  async take(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<LeaseToken | null> {
    await this.ensureRow(name);
    const r = await this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder, expiresAt: now + ttlMs, heartbeatAt: now, generation: () => 'generation + 1' })
      .where('name = :name AND (holder IS NULL OR expires_at < :now)', { name, now })
      .execute();
    if (r.affected !== 1) return null;
    const row = await this.repo.findOne({ where: { name } });
    // taken over again between the two statements (only possible with a ttl shorter than a query)
    if (!row || row.holder !== holder) return null;
    return { name, holder, generation: row.generation };
  }

  /** take() for callers that need no token. */
  async tryAcquire(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    return (await this.take(name, holder, ttlMs, now)) !== null;
  }

  /**
   * Extends a lease the holder still has; false when it was lost (expired and taken over). With a
   * token, only that very generation is extended.
   */
  async heartbeat(name: string, holder: string, ttlMs: number, now = Date.now(), generation?: number): Promise<boolean> {
    const qb = this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ expiresAt: now + ttlMs, heartbeatAt: now })
      .where('name = :name AND holder = :holder', { name, holder });
    if (generation !== undefined) qb.andWhere('generation = :generation', { generation });
    return (await qb.execute()).affected === 1;
  }

  /** Frees the lease if `holder` (and, with a token, that generation) still has it. */
  async release(name: string, holder: string, generation?: number): Promise<void> {
    const qb = this.repo
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder: null, expiresAt: 0 })
      .where('name = :name AND holder = :holder', { name, holder });
    if (generation !== undefined) qb.andWhere('generation = :generation', { generation });
    await qb.execute();
  }

  /**
   * The fencing check, run inside the caller's transaction `m` before it commits: touches the
   * lease row only if its generation is still the token's (on MySQL this also locks the row, so
   * a takeover waits for the commit). Throws LeaseLostError otherwise, which rolls back.
   * With `release`, the same statement frees the lease, so it is free the moment the results are
   * visible (a caller that sees the run succeeded may start the next one at once) and still held
   * if the transaction rolls back.
   */
  async fence(m: EntityManager, token: LeaseToken, opts: { release?: boolean } = {}, now = Date.now()): Promise<void> {
    const r = await m
      .createQueryBuilder()
      .update(LeaseEntity)
      .set(opts.release ? { heartbeatAt: now, holder: null, expiresAt: 0 } : { heartbeatAt: now })
      .where('name = :name AND holder = :holder AND generation = :generation', token)
      .execute();
    if (r.affected !== 1) throw new LeaseLostError(token);
  }

  /** The leases whose name starts with `prefix` and that are held and unexpired at `now`. */
  async live(prefix: string, now = Date.now()): Promise<Map<string, LeaseToken>> {
    const rows = await this.repo
      .createQueryBuilder('l')
      .where('l.name LIKE :p AND l.holder IS NOT NULL AND l.expires_at >= :now', { p: `${prefix}%`, now })
      .getMany();
    return new Map(rows.map((r) => [r.name, { name: r.name, holder: r.holder as string, generation: r.generation }]));
  }

  /** The live holders of leases whose name starts with `prefix` (unexpired at `now`). */
  async liveHolders(prefix: string, now = Date.now()): Promise<Map<string, string>> {
    return new Map([...(await this.live(prefix, now))].map(([k, v]) => [k, v.holder]));
  }

  private async ensureRow(name: string): Promise<void> {
    if (await this.repo.exists({ where: { name } })) return;
    try {
      await this.repo.insert({ name, holder: null, expiresAt: 0, heartbeatAt: null, generation: 0 });
    } catch (err) {
      // another replica created it first: fine, the UPDATE decides
      if (!(err instanceof QueryFailedError)) throw err;
    }
  }
}
