import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './table-helpers';

/**
 * Cache of per-period loan aggregates, keyed by the sha256 of exactly the rows they were computed
 * from: a run re-aggregates only the quarters whose inputs changed (history and baseline quarters
 * usually did not). One header row per period and one row per unit (sums as JSON).
 */
export class PeriodAggregates1732000200100 implements MigrationInterface {
  name = 'PeriodAggregates1732000200100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'period_aggregate_set',
        columns: [col.pk(col.str('period', 6)), col.str('input_key', 64), col.int('has_data'), col.int('unit_count')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'period_aggregate',
        columns: [col.pk(col.str('period', 6)), col.pk(col.str('code', 32)), col.text('sums', false)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('period_aggregate');
    await q.dropTable('period_aggregate_set');
  }
}
