import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CertificationOutcome } from '@sci/shared';
import { bool } from '../../dataset/entities/transformers';

/**
 * The stored evaluation of one unit for one year: the recommendation and every check (JSON of
 * CheckView[], with the wording), as they were when evaluated.
 */
@Entity('certification_evaluation')
@Index('idx_cert_evaluation_code', ['institutionCode'])
export class CertificationEvaluationEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  /** 'applicant' or 'certified' */
  @Column({ type: 'varchar', length: 10 })
  kind!: 'applicant' | 'certified';

  @Column({ type: 'varchar', length: 16 })
  outcome!: CertificationOutcome;

  @Column({ type: 'double', nullable: true })
  composite!: number | null;

  @Column({ type: 'smallint', transformer: bool })
  c1!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c2!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c3!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c4!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c5!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c6!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c7!: boolean;

  @Column({ type: 'smallint', transformer: bool })
  c8!: boolean;

  /** JSON CheckView[] of year Y */
  @Column({ type: 'text' })
  checks!: string;

  /** JSON CheckView[] of year Y-1 (certified units only) */
  @Column({ name: 'previous_checks', type: 'text', nullable: true })
  previousChecks!: string | null;

  /** JSON LocalizedText: why this recommendation, with the scheme's figures of the evaluation */
  @Column({ type: 'text' })
  explanation!: string;

  @Column({ name: 'run_id', type: 'int' })
  runId!: number;

  @Column({ name: 'evaluated_at', type: 'datetime' })
  evaluatedAt!: Date;
}
