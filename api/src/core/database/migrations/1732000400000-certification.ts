import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

const CHECK_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The annual certification exercise (issue 6): one row per year with its timeline, and the stored
 * evaluation of every unit checked that year (so a recommendation stays what it was when the
 * regulator decided on it, even if runs or applications change later).
 */
export class Certification1732000400000 implements MigrationInterface {
  name = 'Certification1732000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'certification_exercise',
        columns: [
          col.pk(col.int('year')),
          col.str('status', 24),
          col.time('created_at'),
          col.str('created_by', 64, true),
          col.time('opened_at', true),
          col.str('opened_by', 64, true),
          col.time('closed_at', true),
          col.str('closed_by', 64, true),
          col.time('evaluated_at', true),
          col.str('evaluated_by', 64, true),
          col.time('published_at', true),
          col.str('published_by', 64, true),
          col.int('run_id', true),
          col.int('prev_run_id', true),
          col.str('scheme_id', 32, true),
          col.int('scheme_version', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certification_evaluation',
        columns: [
          col.pk(col.int('year')),
          col.pk(col.str('institution_code', 32)),
          col.str('kind', 10),
          col.str('outcome', 16),
          // the engine's composite, a double like run_result.composite (stored bit for bit)
          { name: 'composite', type: 'double', isNullable: true },
          ...CHECK_NUMBERS.map((n) => col.flag(`c${n}`)),
          col.text('checks', false),
          col.text('previous_checks'),
          col.text('explanation', false),
          col.int('run_id'),
          col.time('evaluated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_cert_evaluation_code',
            columnNames: ['institution_code'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('certification_evaluation');
    await q.dropTable('certification_exercise');
  }
}
