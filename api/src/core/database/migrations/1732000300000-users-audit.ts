import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/** Accounts (issue 7) and the append-only audit log. */
export class UsersAudit1732000300000 implements MigrationInterface {
  name = 'UsersAudit1732000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('username', 64),
          col.str('password_hash', 100),
          col.str('role', 16),
          col.str('bank_code', 32, true),
          col.str('unit_code', 32, true),
          col.str('display_name', 100),
          { ...col.flag('disabled'), default: 0 },
          col.int('failed_logins', false, 0),
          col.time('locked_until', true),
          col.int('token_version', false, 0),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_users_username', columnNames: ['username'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.time('at'),
          col.str('actor', 64),
          col.str('role', 16, true),
          col.str('action', 48),
          col.str('target', 200, true),
          col.text('detail'),
          col.str('ip', 64, true),
          col.str('outcome', 8),
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'idx_audit_actor', columnNames: ['actor'] }),
          new TableIndex({ name: 'idx_audit_action', columnNames: ['action'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
    await q.dropTable('users');
  }
}
