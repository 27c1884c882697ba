import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { QualificationKind } from '@sci/shared';
import { bool } from './transformers';

/** enterprises.csv */
@Entity('enterprise')
export class EnterpriseEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ name: 'industry_code', type: 'varchar', length: 8, nullable: true })
  industryCode!: string | null;

  @Column({ name: 'strategic_emerging', type: 'smallint', transformer: bool })
  strategicEmerging!: boolean;
}

/** qualifications.csv; key (uscc, kind, valid_from). */
@Entity('qualification')
@Index('uq_qualification', ['uscc', 'kind', 'validFrom'], { unique: true })
export class QualificationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: QualificationKind;

  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'varchar', length: 10 })
  validTo!: string;
}
