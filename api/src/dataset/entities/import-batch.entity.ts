import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from './transformers';

/** One import of a dataset: who, when, which files, row counts, status and errors. */
@Entity('import_batch')
export class ImportBatchEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** sha256 over the files' names and bytes: importing the same batch twice is a no-op */
  @Index('idx_import_batch_fingerprint')
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** 'running' | 'succeeded' | 'failed' | 'unchanged' */
  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /** JSON: [{ file, rows }] */
  @Column({ type: 'text' })
  files!: string;

  @Column({ name: 'total_rows', type: 'int', default: 0 })
  totalRows!: number;

  @Column({ name: 'processed_rows', type: 'int', default: 0 })
  processedRows!: number;

  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount!: number;

  /** the process running it (INSTANCE_ID, default hostname-pid); null for batches of old versions */
  @Column({ type: 'varchar', length: 100, nullable: true })
  holder!: string | null;

  /** epoch ms of the holder's last heartbeat (MySQL; on SQLite the holder's pid is checked) */
  @Column({ name: 'heartbeat_at', type: 'bigint', nullable: true, transformer: bigintNumber })
  heartbeatAt!: number | null;

  /** unused since the import_error table (1732000100000) holds the errors */
  @Column({ type: 'text', nullable: true })
  errors!: string | null;
}

/** One error of a failed batch (file:line:column: message), in report order (`seq`). */
@Entity('import_error')
@Index('idx_import_error_batch', ['batchId', 'seq'])
export class ImportErrorEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 255 })
  file!: string;

  @Column({ type: 'int' })
  line!: number;

  @Column({ name: 'column_name', type: 'varchar', length: 64 })
  column!: string;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  /** code of shared IMPORT_MESSAGES (the web renders it in the UI language); null: English only */
  @Column({ type: 'varchar', length: 48, nullable: true })
  code!: string | null;

  /** JSON of the message's parameters */
  @Column({ type: 'text', nullable: true })
  params!: string | null;
}
