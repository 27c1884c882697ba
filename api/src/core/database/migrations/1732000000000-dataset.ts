import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/** Tables of the exchange format (data-format.md) and the import batches. */
export class Dataset1732000000000 implements MigrationInterface {
  name = 'Dataset1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'institution',
        columns: [
          col.pk(col.str('code', 32)),
          col.str('name', 100),
          col.str('parent_code', 32, true),
          col.str('level', 8),
          col.str('bank_code', 32),
          col.str('peer_group', 10),
          col.str('region_code', 6),
          col.flag('tech_specialist'),
          col.str('opened_on', 10),
        ],
        indices: [
          new TableIndex({ name: 'idx_institution_parent', columnNames: ['parent_code'] }),
          new TableIndex({ name: 'idx_institution_bank', columnNames: ['bank_code'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'institution_closure',
        columns: [col.pk(col.str('ancestor_code', 32)), col.pk(col.str('descendant_code', 32)), col.int('depth')],
        indices: [new TableIndex({ name: 'idx_closure_descendant', columnNames: ['descendant_code'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enterprise',
        columns: [
          col.pk(col.str('uscc', 18)),
          col.str('name', 200),
          col.str('region_code', 6),
          col.str('industry_code', 8, true),
          col.flag('strategic_emerging'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'qualification',
        columns: [col.id(), col.str('uscc', 18), col.str('kind', 16), col.str('valid_from', 10), col.str('valid_to', 10)],
        indices: [new TableIndex({ name: 'uq_qualification', columnNames: ['uscc', 'kind', 'valid_from'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'loan',
        columns: [
          col.id(),
          col.str('period', 6),
          col.str('loan_no', 64),
          col.str('institution_code', 32),
          col.str('uscc', 18),
          col.str('issue_date', 10),
          col.str('maturity_date', 10),
          col.big('amount_fen'),
          col.big('balance_fen'),
          col.int('rate_e4'),
          col.str('guarantee', 16),
          col.str('risk_class', 16),
          col.flag('first_loan'),
        ],
        indices: [
          new TableIndex({ name: 'uq_loan', columnNames: ['period', 'institution_code', 'loan_no'], isUnique: true }),
          new TableIndex({ name: 'idx_loan_period_uscc', columnNames: ['period', 'uscc'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'qualitative_score',
        columns: [
          col.pk(col.int('year')),
          col.pk(col.str('institution_code', 32)),
          col.pk(col.str('block', 2)),
          col.int('score_centi'),
          col.text('evidence'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'penalty',
        columns: [col.id(), col.str('institution_code', 32), col.str('decided_on', 10), col.str('kind', 16), col.str('reference', 100)],
        indices: [
          new TableIndex({ name: 'uq_penalty', columnNames: ['institution_code', 'decided_on', 'kind', 'reference'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certification_application',
        columns: [
          col.pk(col.int('year')),
          col.pk(col.str('institution_code', 32)),
          col.flag('designated'),
          col.int('tech_rm_count'),
          col.flag('separate_credit_plan'),
          col.flag('dedicated_pricing'),
          col.flag('independent_accounting'),
          col.flag('risk_tolerance'),
          col.flag('approval_channel'),
          col.flag('performance_assessment'),
          col.flag('due_diligence_exemption'),
          col.int('ftp_discount_bp'),
          col.big('approval_limit_fen'),
          { ...col.str('source', 8), default: "'import'" },
          { ...col.str('status', 12), default: "'submitted'" },
          col.str('submitted_by', 64, true),
          col.time('submitted_at', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certification_decision',
        columns: [
          col.pk(col.int('year')),
          col.pk(col.str('institution_code', 32)),
          col.str('decision', 8),
          col.text('reason'),
          col.str('recommendation', 16, true),
          { ...col.str('source', 8), default: "'import'" },
          col.str('decided_by', 64, true),
          col.time('decided_at', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'import_batch',
        columns: [
          col.id(),
          col.str('fingerprint', 64),
          col.str('status', 12),
          col.str('created_by', 64, true),
          col.time('created_at'),
          col.time('finished_at', true),
          col.text('files', false),
          col.int('total_rows', false, 0),
          col.int('processed_rows', false, 0),
          col.int('error_count', false, 0),
          col.text('errors'),
        ],
        indices: [new TableIndex({ name: 'idx_import_batch_fingerprint', columnNames: ['fingerprint'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'import_batch',
      'certification_decision',
      'certification_application',
      'penalty',
      'qualitative_score',
      'loan',
      'qualification',
      'enterprise',
      'institution_closure',
      'institution',
    ]) {
      await q.dropTable(t);
    }
  }
}
