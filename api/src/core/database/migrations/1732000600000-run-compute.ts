import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * Runs computed off the main thread (issue 16): loan rows aggregated so far and the run's log
 * (what it noticed about its inputs, e.g. a digest that no longer matched the rows), and the
 * covering index that makes the fingerprint's guard (COUNT, SUM(balance_fen), SUM(amount_fen) per
 * period) an index-only scan instead of a pass over every column of every loan row.
 */
export class RunCompute1732000600000 implements MigrationInterface {
  name = 'RunCompute1732000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('scoring_run', [new TableColumn(col.int('rows_read', false, 0)), new TableColumn(col.text('log'))]);
    await q.createIndex('loan', new TableIndex({ name: 'idx_loan_period_sums', columnNames: ['period', 'balance_fen', 'amount_fen'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('loan', 'idx_loan_period_sums');
    await q.dropColumn('scoring_run', 'log');
    await q.dropColumn('scoring_run', 'rows_read');
  }
}
