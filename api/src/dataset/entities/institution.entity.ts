import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InstitutionLevel, PeerGroup } from '@sci/shared';
import { bool } from './transformers';

/** A unit of a bank (institutions.csv): head / city / outlet. */
@Entity('institution')
export class InstitutionEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_institution_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 32, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'varchar', length: 8 })
  level!: InstitutionLevel;

  @Index('idx_institution_bank')
  @Column({ name: 'bank_code', type: 'varchar', length: 32 })
  bankCode!: string;

  @Column({ name: 'peer_group', type: 'varchar', length: 10 })
  peerGroup!: PeerGroup;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ name: 'tech_specialist', type: 'smallint', transformer: bool })
  techSpecialist!: boolean;

  @Column({ name: 'opened_on', type: 'varchar', length: 10 })
  openedOn!: string;
}

/**
 * Closure of the unit tree: one row per (ancestor, descendant) including (u, u) at depth 0.
 * Rebuilt by the import whenever institutions change; lets one GROUP BY aggregate every unit
 * with all of its descendants (distinct borrower counts cannot be summed from children).
 */
@Entity('institution_closure')
@Index('idx_closure_descendant', ['descendantCode'])
export class InstitutionClosureEntity {
  @PrimaryColumn({ name: 'ancestor_code', type: 'varchar', length: 32 })
  ancestorCode!: string;

  @PrimaryColumn({ name: 'descendant_code', type: 'varchar', length: 32 })
  descendantCode!: string;

  @Column({ type: 'int' })
  depth!: number;
}
