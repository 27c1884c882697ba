import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * IEEE-754 binary64 on both drivers (MySQL DOUBLE, SQLite REAL affinity). Scores are doubles
 * computed by the engine: they must be stored bit for bit (a run repeats itself exactly) and be
 * sortable in SQL (results lists sort by any class score), which neither text nor DECIMAL gives.
 */
const dbl = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double', isNullable: nullable });

const CLASS_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Scoring schemes, runs, their per-unit results and the scheduler's lease (issue 5). */
export class Runs1732000200000 implements MigrationInterface {
  name = 'Runs1732000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'scheme_version',
        columns: [
          col.id(),
          col.str('scheme_id', 32),
          col.int('version'),
          col.str('title_zh', 100),
          col.str('title_en', 200),
          col.text('params', false),
          col.str('created_by', 64, true),
          col.time('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_scheme_version', columnNames: ['scheme_id', 'version'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scoring_run',
        columns: [
          col.id(),
          col.str('period', 6),
          col.str('scheme_id', 32),
          col.int('scheme_version'),
          col.str('fingerprint', 64, true),
          col.str('status', 12),
          col.text('error'),
          col.str('trigger_kind', 10),
          col.str('triggered_by', 64, true),
          col.str('holder', 100, true),
          col.time('started_at'),
          col.time('finished_at', true),
          col.int('duration_ms', true),
          col.int('published', false, 0),
          col.str('published_by', 64, true),
          col.time('published_at', true),
          col.int('unit_count', false, 0),
          col.int('scored_count', false, 0),
          col.str('stage', 10),
          col.int('progress', false, 0),
        ],
        indices: [
          new TableIndex({ name: 'idx_scoring_run_period', columnNames: ['period', 'status'] }),
          new TableIndex({ name: 'idx_scoring_run_published', columnNames: ['published', 'period'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'run_result',
        columns: [
          col.pk(col.int('run_id')),
          col.pk(col.str('code', 32)),
          col.str('period', 6),
          col.str('level', 8),
          col.str('peer_group', 10),
          col.str('bank_code', 32),
          col.str('region_code', 6),
          col.flag('scored'),
          ...CLASS_NUMBERS.map((n) => dbl(`k${n}`, true)),
          ...CLASS_NUMBERS.map((n) => dbl(`s${n}`)),
          dbl('quantitative'),
          dbl('qualitative'),
          dbl('composite'),
          col.str('grade', 10, true),
          col.int('rank_level', true),
          col.int('rank_peer', true),
          col.int('rank_bank', true),
          col.str('flags', 200),
          col.text('detail', false),
        ],
        indices: [
          new TableIndex({ name: 'idx_run_result_level', columnNames: ['run_id', 'level', 'rank_level'] }),
          new TableIndex({ name: 'idx_run_result_code', columnNames: ['code'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lease',
        columns: [
          col.pk(col.str('name', 64)),
          col.str('holder', 100, true),
          // epoch milliseconds: compared with plain integer arithmetic on both drivers
          col.big('expires_at'),
          col.big('heartbeat_at', true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['lease', 'run_result', 'scoring_run', 'scheme_version']) await q.dropTable(t);
  }
}
