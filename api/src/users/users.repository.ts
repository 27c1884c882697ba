import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@sci/shared';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  bankCode: string | null;
  unitCode: string | null;
  displayName: string;
}

/** Every read and write of the users table. */
@Injectable()
export class UsersRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  getById(id: number): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /**
   * Usernames are unique regardless of case ("Admin" and "admin" are one account), on every
   * database: SQLite compares binary, MySQL by collation, so both sides are lowered here.
   * Usernames are ASCII (CreateUserDto), where LOWER() agrees on both databases.
   */
  getByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('LOWER(u.username) = LOWER(:username)', { username }).getOne();
  }

  /** Active admins other than `exceptId` (an admin may not disable the last one). */
  countActive(role: Role, exceptId: number): Promise<number> {
    return this.repo.createQueryBuilder('u').where('u.role = :role AND u.disabled = 0 AND u.id <> :exceptId', { role, exceptId }).getCount();
  }

  list(): Promise<UserEntity[]> {
    return this.repo.find({ order: { username: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Inserts a user; a taken username surfaces as the driver's unique violation (mapped to 409). */
  async create(u: NewUser, now: Date): Promise<UserEntity> {
    const entity = this.repo.create({
      ...u,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
    return this.repo.save(entity);
  }

  async recordSuccessfulLogin(id: number, now: Date): Promise<void> {
    await this.repo.update({ id }, { failedLogins: 0, lockedUntil: null, updatedAt: now });
  }

  /** Ends every session of the user (tokens carry the version they were issued with). */
  async bumpTokenVersion(id: number, now: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(UserEntity)
      .set({ tokenVersion: () => 'token_version + 1', updatedAt: now })
      .where('id = :id', { id })
      .execute();
  }

  /** New password hash; also unlocks the account and ends its sessions. */
  async setPassword(id: number, passwordHash: string, now: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(UserEntity)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, tokenVersion: () => 'token_version + 1', updatedAt: now })
      .where('id = :id', { id })
      .execute();
  }

  /** Disable ends the user's sessions; enable also clears a lockout. */
  async setDisabled(id: number, disabled: boolean, now: Date): Promise<void> {
    const qb = this.repo.createQueryBuilder().update(UserEntity);
    if (disabled) {
      qb.set({ disabled: true, tokenVersion: () => 'token_version + 1', updatedAt: now });
    } else {
      qb.set({ disabled: false, failedLogins: 0, lockedUntil: null, updatedAt: now });
    }
    await qb.where('id = :id', { id }).execute();
  }
}
