import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditRow {
  at: Date;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
  outcome: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: Date;
  /** exclusive */
  to?: Date;
  offset: number;
  limit: number;
}

/**
 * The audit log is append-only: this repository can insert and read, and deliberately has no
 * update or delete method.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one entry; inside the caller's transaction when a manager is given. */
  async append(row: AuditRow, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(AuditLogEntity, row);
  }

  async search(f: AuditFilter): Promise<{ rows: AuditLogEntity[]; total: number }> {
    const qb = this.repo().createQueryBuilder('a');
    if (f.actor) qb.andWhere('a.actor = :actor', { actor: f.actor });
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.target) qb.andWhere('a.target = :target', { target: f.target });
    if (f.outcome) qb.andWhere('a.outcome = :outcome', { outcome: f.outcome });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    const [rows, total] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').skip(f.offset).take(f.limit).getManyAndCount();
    return { rows, total };
  }

  private repo(): Repository<AuditLogEntity> {
    return this.dataSource.getRepository(AuditLogEntity);
  }
}
