import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit log. Nothing updates or deletes these rows. */
@Entity('audit_log')
@Index('idx_audit_at', ['at'])
@Index('idx_audit_actor', ['actor'])
@Index('idx_audit_action', ['action'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'datetime' })
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: string | null;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target!: string | null;

  /** JSON text */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome!: string;
}
