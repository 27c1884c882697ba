import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * app_secret: secrets the app generates itself when none is configured (the JWT signing key when
 * JWT_SECRET is unset), kept in the database so every replica and every restart signs alike.
 * login_lockout: failed sign-ins per (account, client address), so a guesser locks only itself
 * out, with a growing lock (docs/access.md, "Login hardening").
 */
export class AuthHardening1732000510000 implements MigrationInterface {
  name = 'AuthHardening1732000510000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({ name: 'app_secret', columns: [col.pk(col.str('name', 64)), col.str('value', 200), col.time('created_at')] }),
    );
    await q.createTable(
      new Table({
        name: 'login_lockout',
        columns: [
          col.pk(col.str('account', 64)),
          col.pk(col.str('address', 64)),
          col.int('failures'),
          col.int('locks'),
          col.time('locked_until', true),
          col.time('last_failure_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_lockout');
    await q.dropTable('app_secret');
  }
}
