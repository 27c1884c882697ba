import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PenaltyKind, QualitativeBlock } from '@sci/shared';

/** qualitative.csv; score stored in hundredths (0..10000). */
@Entity('qualitative_score')
export class QualitativeScoreEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  block!: QualitativeBlock;

  @Column({ name: 'score_centi', type: 'int' })
  scoreCenti!: number;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;
}

/** penalties.csv; key (institution_code, decided_on, kind, reference). */
@Entity('penalty')
@Index('uq_penalty', ['institutionCode', 'decidedOn', 'kind', 'reference'], { unique: true })
export class PenaltyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  @Column({ name: 'decided_on', type: 'varchar', length: 10 })
  decidedOn!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PenaltyKind;

  @Column({ type: 'varchar', length: 100 })
  reference!: string;
}
