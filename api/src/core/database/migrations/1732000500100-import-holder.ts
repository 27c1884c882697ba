import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Which process runs an import batch and when it last said so (issue 18): a batch whose process
 * is gone is marked failed at once by whoever sees it, instead of after a 30-minute timeout. And
 * each import error's message code + parameters (shared IMPORT_MESSAGES), so the web shows it in
 * the reader's language.
 */
export class ImportHolder1732000500100 implements MigrationInterface {
  name = 'ImportHolder1732000500100';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('import_batch', [new TableColumn(col.str('holder', 100, true)), new TableColumn(col.big('heartbeat_at', true))]);
    await q.addColumns('import_error', [new TableColumn(col.str('code', 48, true)), new TableColumn(col.text('params'))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('import_error', 'params');
    await q.dropColumn('import_error', 'code');
    await q.dropColumn('import_batch', 'heartbeat_at');
    await q.dropColumn('import_batch', 'holder');
  }
}
