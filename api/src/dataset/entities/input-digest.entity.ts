import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './transformers';

/** input_digest: what an import recorded about one table (and period) it stored; see the migration. */
@Entity('input_digest')
export class InputDigestEntity {
  @PrimaryColumn({ name: 'table_name', type: 'varchar', length: 32 })
  tableName!: string;

  /** '' for tables without a period */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ name: 'row_count', type: 'bigint', transformer: bigintNumber })
  rowCount!: number;

  @Column({
    name: 'sum_balance_fen',
    type: 'bigint',
    transformer: bigintNumber,
  })
  sumBalanceFen!: number;

  @Column({ name: 'sum_amount_fen', type: 'bigint', transformer: bigintNumber })
  sumAmountFen!: number;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'batch_id', type: 'int', nullable: true })
  batchId!: number | null;

  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt!: Date;
}
