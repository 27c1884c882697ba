import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@sci/shared';
import { bool } from '../dataset/entities/transformers';

/** A person who signs in. One role each; bank_hq and branch carry their tenancy. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'bank_code', type: 'varchar', length: 32, nullable: true })
  bankCode!: string | null;

  @Column({ name: 'unit_code', type: 'varchar', length: 32, nullable: true })
  unitCode!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'smallint', transformer: bool })
  disabled!: boolean;

  @Column({ name: 'failed_logins', type: 'int' })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  /** Bumped on logout, password change/reset and disable: tokens carrying an older one are refused. */
  @Column({ name: 'token_version', type: 'int' })
  tokenVersion!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
