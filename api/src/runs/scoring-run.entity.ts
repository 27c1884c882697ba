import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RunStage, RunStatus, RunTrigger } from '@sci/shared';
import { bool } from '../dataset/entities/transformers';

/** A scoring run: one scheme version applied to one period's data (spec section 8). */
@Entity('scoring_run')
@Index('idx_scoring_run_period', ['period', 'status'])
@Index('idx_scoring_run_published', ['published', 'period'])
export class ScoringRunEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 6 })
  period!: string;

  @Column({ name: 'scheme_id', type: 'varchar', length: 32 })
  schemeId!: string;

  @Column({ name: 'scheme_version', type: 'int' })
  schemeVersion!: number;

  /** sha256 (hex) over every input row read, in a canonical order */
  @Column({ type: 'varchar', length: 64, nullable: true })
  fingerprint!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: RunStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** `trigger` is a reserved word in MySQL */
  @Column({ name: 'trigger_kind', type: 'varchar', length: 10 })
  trigger!: RunTrigger;

  @Column({ name: 'triggered_by', type: 'varchar', length: 64, nullable: true })
  triggeredBy!: string | null;

  /** instance id of the process executing it: a running run whose holder lost its lease is dead */
  @Column({ type: 'varchar', length: 100, nullable: true })
  holder!: string | null;

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'int', default: 0, transformer: bool })
  published!: boolean;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'unit_count', type: 'int', default: 0 })
  unitCount!: number;

  @Column({ name: 'scored_count', type: 'int', default: 0 })
  scoredCount!: number;

  @Column({ type: 'varchar', length: 10 })
  stage!: RunStage;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  /** loan rows aggregated so far (progress of the loading stage) */
  @Column({ name: 'rows_read', type: 'int', default: 0 })
  rowsRead!: number;

  /** what the run noticed about its inputs, one line each (e.g. a digest that no longer matched) */
  @Column({ type: 'text', nullable: true })
  log!: string | null;
}
