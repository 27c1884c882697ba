import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * Integrity signals and the quality board (issue 13): what each run found, per booking unit, with
 * the driving loan rows (JSON, at most SIGNAL_ROWS_KEPT), and each bank's completeness figures
 * of the run's period. Plus an index on loan (uscc, period): the first-loan rule looks up a
 * borrower's rows in earlier snapshots, which the (period, uscc) index cannot answer by borrower.
 */
export class Signals1732000800000 implements MigrationInterface {
  name = 'Signals1732000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'signal_run',
        columns: [
          col.pk(col.int('run_id')),
          col.str('period', 6),
          col.int('signal_count'),
          col.int('duration_ms'),
          col.time('computed_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'integrity_signal',
        columns: [
          col.id(),
          col.int('run_id'),
          col.str('period', 6),
          col.str('kind', 24),
          col.str('institution_code', 32),
          col.str('bank_code', 32),
          col.str('region_code', 6),
          col.str('severity', 8),
          { name: 'value', type: 'double', isNullable: false },
          { name: 'threshold', type: 'double', isNullable: false },
          col.big('basis_fen'),
          col.big('amount_fen'),
          col.int('row_count'),
          col.text('loan_rows', false),
        ],
        indices: [
          new TableIndex({
            name: 'idx_signal_run_unit',
            columnNames: ['run_id', 'institution_code'],
          }),
          new TableIndex({
            name: 'idx_signal_run_kind',
            columnNames: ['run_id', 'kind'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quality_stat',
        columns: [
          col.pk(col.int('run_id')),
          col.pk(col.str('bank_code', 32)),
          col.str('period', 6),
          col.int('row_count'),
          col.big('balance_fen'),
          col.big('tech_fen'),
          col.int('borrowers'),
          col.int('borrowers_missing'),
          col.int('units'),
          col.text('units_without_rows', false),
          col.text('units_without_qualitative', false),
        ],
      }),
    );
    await q.createIndex(
      'loan',
      new TableIndex({
        name: 'idx_loan_uscc_period',
        columnNames: ['uscc', 'period'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('loan', 'idx_loan_uscc_period');
    await q.dropTable('quality_stat');
    await q.dropTable('integrity_signal');
    await q.dropTable('signal_run');
  }
}
