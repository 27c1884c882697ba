import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * The errors of an import batch, one row each: a thousand of them outgrow a MySQL TEXT column
 * (64 kB) as JSON, and rows let the web page and errors.csv read them in order.
 */
export class ImportErrors1732000100000 implements MigrationInterface {
  name = 'ImportErrors1732000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'import_error',
        columns: [
          col.id(),
          col.int('batch_id'),
          col.int('seq'),
          col.str('file', 255),
          col.int('line'),
          col.str('column_name', 64),
          col.str('message', 500),
        ],
        indices: [new TableIndex({ name: 'idx_import_error_batch', columnNames: ['batch_id', 'seq'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('import_error');
  }
}
