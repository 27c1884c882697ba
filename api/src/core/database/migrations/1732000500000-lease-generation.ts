import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The lease's fencing token (issue 18): a generation number incremented on every takeover, so a
 * holder that was paused past its expiry can tell, inside its results transaction, that someone
 * else has the lease now and must not commit.
 */
export class LeaseGeneration1732000500000 implements MigrationInterface {
  name = 'LeaseGeneration1732000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('lease', new TableColumn({ name: 'generation', type: 'bigint', isNullable: false, default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('lease', 'generation');
  }
}
