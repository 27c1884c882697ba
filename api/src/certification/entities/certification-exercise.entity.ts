import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExerciseStatus } from '@sci/shared';

/** The certification exercise of one year and its timeline (who did each step, when). */
@Entity('certification_exercise')
export class CertificationExerciseEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 24 })
  status!: ExerciseStatus;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'opened_at', type: 'datetime', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'opened_by', type: 'varchar', length: 64, nullable: true })
  openedBy!: string | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  @Column({ name: 'evaluated_at', type: 'datetime', nullable: true })
  evaluatedAt!: Date | null;

  @Column({ name: 'evaluated_by', type: 'varchar', length: 64, nullable: true })
  evaluatedBy!: string | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  /** the published Y Q4 run the evaluation used */
  @Column({ name: 'run_id', type: 'int', nullable: true })
  runId!: number | null;

  /** the (Y-1) Q4 run of the two-year rule */
  @Column({ name: 'prev_run_id', type: 'int', nullable: true })
  prevRunId!: number | null;

  @Column({ name: 'scheme_id', type: 'varchar', length: 32, nullable: true })
  schemeId!: string | null;

  @Column({ name: 'scheme_version', type: 'int', nullable: true })
  schemeVersion!: number | null;
}
