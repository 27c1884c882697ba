import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * What the import recorded about the rows it stored (issue 16): per table, and per period for
 * loans, the row count, the loan sums and an order-independent content hash (shared
 * format/digest.ts). A run composes its fingerprint from these instead of re-reading every row,
 * after a cheap COUNT/SUM check against the table. The hash is varchar(64), not char(64): the
 * migration helpers keep to types that compare equal on both drivers.
 */
export class InputDigest1732000500000 implements MigrationInterface {
  name = 'InputDigest1732000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'input_digest',
        columns: [
          col.pk(col.str('table_name', 32)),
          col.pk(col.str('period', 8)),
          col.big('row_count'),
          col.big('sum_balance_fen'),
          col.big('sum_amount_fen'),
          col.str('content_hash', 64),
          col.int('batch_id', true),
          col.time('recorded_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('input_digest');
  }
}
