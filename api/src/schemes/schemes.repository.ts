import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { SchemeVersionEntity } from './scheme-version.entity';

export type NewSchemeVersion = Omit<SchemeVersionEntity, 'id' | 'version' | 'effectiveFrom' | 'reason'> &
  Partial<Pick<SchemeVersionEntity, 'effectiveFrom' | 'reason'>>;

/** Stored scheme versions. */
@Injectable()
export class SchemesRepository {
  constructor(@InjectRepository(SchemeVersionEntity) private readonly repo: Repository<SchemeVersionEntity>) {}

  /** Every version, newest first. */
  list(): Promise<SchemeVersionEntity[]> {
    return this.repo.find({ order: { id: 'DESC' } });
  }

  get(schemeId: string, version: number): Promise<SchemeVersionEntity | null> {
    return this.repo.findOne({ where: { schemeId, version } });
  }

  /** The highest version of a scheme id, or null when it has none. */
  latestOf(schemeId: string): Promise<SchemeVersionEntity | null> {
    return this.repo.findOne({ where: { schemeId }, order: { version: 'DESC' } });
  }

  /** The most recently created version of any scheme id: what runs use by default. */
  newest(): Promise<SchemeVersionEntity | null> {
    return this.repo.findOne({ where: {}, order: { id: 'DESC' } });
  }

  /**
   * The version in force for `period`: the most recently created one whose effective_from is
   * null (from the start) or not after the period (YYYYQn compares as text).
   */
  inForce(period: string): Promise<SchemeVersionEntity | null> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.effective_from IS NULL OR s.effective_from <= :period', { period })
      .orderBy('s.id', 'DESC')
      .limit(1)
      .getOne();
  }

  /**
   * Stores the next version (max + 1) of `v.schemeId`, retrying when another request took the
   * same number first (the unique key decides). Returns null if it kept losing.
   */
  async insertNextVersion(v: NewSchemeVersion): Promise<SchemeVersionEntity | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = ((await this.latestOf(v.schemeId))?.version ?? 0) + 1;
      try {
        return await this.repo.save(this.repo.create({ effectiveFrom: null, reason: null, ...v, version }));
      } catch (err) {
        if (!(err instanceof QueryFailedError)) throw err;
      }
    }
    return null;
  }

  /** Inserts version 1 when the id has no version yet (boot seeding; safe under concurrent replicas). */
  async insertIfAbsent(v: NewSchemeVersion & { version: number }): Promise<void> {
    if (await this.get(v.schemeId, v.version)) return;
    try {
      await this.repo.insert(this.repo.create({ effectiveFrom: null, reason: null, ...v }));
    } catch (err) {
      // another replica seeded it between the check and the insert
      if (!(err instanceof QueryFailedError)) throw err;
    }
  }
}
