import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../dataset/entities/transformers';

/**
 * A named lease shared by every API replica on one database (e.g. `run:2025Q4`). Taken with a
 * conditional UPDATE, kept alive by heartbeats, released at the end; a holder that dies simply
 * stops heartbeating and the lease expires. Times are epoch milliseconds.
 */
@Entity('lease')
export class LeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  holder!: string | null;

  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintNumber })
  expiresAt!: number;

  /** fencing token: +1 on every take; a write checks it is still the one it started with */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  generation!: number;

  @Column({ name: 'heartbeat_at', type: 'bigint', nullable: true, transformer: bigintNumber })
  heartbeatAt!: number | null;
}
