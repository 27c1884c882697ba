import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SchemeDraftEntity } from './scheme-draft.entity';

/** Stored scheme drafts. */
@Injectable()
export class DraftsRepository {
  constructor(@InjectRepository(SchemeDraftEntity) private readonly repo: Repository<SchemeDraftEntity>) {}

  /** Every draft, last edited first. */
  list(): Promise<SchemeDraftEntity[]> {
    return this.repo.find({ order: { updatedAt: 'DESC', id: 'DESC' } });
  }

  get(id: number): Promise<SchemeDraftEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  save(d: Partial<SchemeDraftEntity>): Promise<SchemeDraftEntity> {
    return this.repo.save(this.repo.create(d));
  }
}
