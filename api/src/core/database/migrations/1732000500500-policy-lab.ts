import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * The policy lab (issue 12): scheme drafts, and on each scheme version the period it is
 * effective from (runs of that period onward use it by default) and the reason it was adopted.
 */
export class PolicyLab1732000500500 implements MigrationInterface {
  name = 'PolicyLab1732000500500';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'scheme_draft',
        columns: [
          col.id(),
          col.str('name', 100),
          col.str('base_scheme_id', 32),
          col.int('base_version'),
          col.text('params', false),
          col.str('created_by', 64),
          col.time('created_at'),
          col.str('updated_by', 64),
          col.time('updated_at'),
          col.str('published_scheme_id', 32, true),
          col.int('published_version', true),
        ],
        indices: [new TableIndex({ name: 'idx_scheme_draft_updated', columnNames: ['updated_at'] })],
      }),
    );
    await q.addColumns('scheme_version', [new TableColumn(col.str('effective_from', 6, true)), new TableColumn(col.text('reason'))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('scheme_version', 'reason');
    await q.dropColumn('scheme_version', 'effective_from');
    await q.dropTable('scheme_draft');
  }
}
