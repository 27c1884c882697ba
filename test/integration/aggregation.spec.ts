import type { INestApplication } from '@nestjs/common';
import { aggregatePeriod, type EnterpriseRow, type LoanRow, type QualificationRow } from '@sci/shared';
import type { DataSource } from 'typeorm';
import { EnterpriseEntity, QualificationEntity } from '../../api/src/dataset/entities/enterprise.entity';
import { LoanEntity } from '../../api/src/dataset/entities/loan.entity';
import { ImportService } from '../../api/src/import/import.service';
import { fingerprintOf } from '../../api/src/runs/run-executor';
import { ScoringDataRepository } from '../../api/src/runs/scoring-data.repository';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

/**
 * The API aggregates a period in one streamed pass over its rows (exact sums per booking unit
 * rolled up through the tree, distinct borrowers as sets per unit); the engine's aggregatePeriod
 * is the definition. Both must give the same numbers on the same stored rows, on every database.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('%s', (_name, db) => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    app = (await startTestApp(fresh.config, dataSource)).app;
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
    await addEdgeRows(dataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  describe(ScoringDataRepository.name, () => {
    describe('aggregatePeriod', () => {
      it.each(['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'])('should equal the reference aggregation at %s', async (period) => {
        const repo = app.get(ScoringDataRepository);
        const units = await repo.listUnits();
        const loans: LoanRow[] = await dataSource.getRepository(LoanEntity).find({ where: { period } });
        const enterprises: EnterpriseRow[] = await dataSource.getRepository(EnterpriseEntity).find();
        const qualifications: QualificationRow[] = await dataSource.getRepository(QualificationEntity).find();
        const expected = aggregatePeriod(period, units, loans, enterprises, qualifications);
        const { loanHash, ...actual } = await repo.aggregatePeriod(period, units);
        expect(Object.keys(actual.units).length).toBeGreaterThan(300);
        expect(actual).toEqual(expected);
        expect(loanHash).toBe(await repo.loanHash(period));
      });

      it('should give back exactly what it stored in the aggregate cache, under the same key only', async () => {
        const repo = app.get(ScoringDataRepository);
        const { loanHash, ...agg } = await repo.aggregatePeriod('2025Q2', await repo.listUnits());
        expect(loanHash).toMatch(/^[0-9a-f]{64}$/);
        await repo.storeAggregates('key-1', agg);
        await expect(repo.cachedAggregates('2025Q2', 'key-1')).resolves.toEqual(agg);
        await expect(repo.cachedAggregates('2025Q2', 'key-2')).resolves.toBeNull();
        await expect(repo.cachedAggregates('2025Q1', 'key-1')).resolves.toBeNull();
      });

      it('should report no data for a period without loans', async () => {
        const repo = app.get(ScoringDataRepository);
        await expect(repo.aggregatePeriod('2023Q4', await repo.listUnits())).resolves.toMatchObject({ period: '2023Q4', hasData: false, units: {} });
      });
    });

    describe('inputHashes', () => {
      it('should change when one input row changes and come back when it is restored', async () => {
        const repo = app.get(ScoringDataRepository);
        const fingerprint = async (periods: string[], years: number[]): Promise<string> => fingerprintOf(await repo.inputHashes(periods, years));
        const before = await fingerprint(['2025Q3', '2025Q4'], [2024, 2025]);
        await expect(fingerprint(['2025Q4', '2025Q3'], [2025, 2024])).resolves.toBe(before);
        const [row] = await dataSource.query("SELECT id, balance_fen FROM loan WHERE period = '2025Q4' ORDER BY id LIMIT 1");
        await dataSource.query('UPDATE loan SET balance_fen = balance_fen + 1 WHERE id = ?', [row.id]);
        const changed = await fingerprint(['2025Q3', '2025Q4'], [2024, 2025]);
        await dataSource.query('UPDATE loan SET balance_fen = ? WHERE id = ?', [row.balance_fen, row.id]);
        expect(changed).not.toBe(before);
        await expect(fingerprint(['2025Q3', '2025Q4'], [2024, 2025])).resolves.toBe(before);
      });
    });
  });
});

/**
 * Rows for the edges of the long-term rule and of tech status that the fixture may not hold:
 * issued on 29 February (one year later is 28 February), maturing exactly one year later or one
 * day after, a qualification valid exactly on the period's date.
 */
async function addEdgeRows(ds: DataSource): Promise<void> {
  const [tech] = await ds.query('SELECT uscc FROM enterprise WHERE strategic_emerging = 1 ORDER BY uscc LIMIT 1');
  const [plain] = await ds.query(
    'SELECT uscc FROM enterprise e WHERE strategic_emerging = 0 AND NOT EXISTS (SELECT 1 FROM qualification q WHERE q.uscc = e.uscc) ORDER BY uscc LIMIT 1',
  );
  const [outlet] = await ds.query("SELECT code FROM institution WHERE level = 'outlet' ORDER BY code LIMIT 1");
  await ds.query("INSERT INTO qualification (uscc, kind, valid_from, valid_to) VALUES (?, 'srdi_sme', '2024-01-01', '2025-12-31')", [plain.uscc]);
  const rows: [string, string, string, string, number, string][] = [
    ['EDGE-1', tech.uscc, '2024-02-29', '2025-02-28', 0, 'normal'],
    ['EDGE-2', tech.uscc, '2024-02-29', '2025-03-01', 1, 'loss'],
    ['EDGE-3', tech.uscc, '2025-01-01', '2026-01-01', 0, 'substandard'],
    ['EDGE-4', tech.uscc, '2025-01-01', '2026-01-02', 1, 'normal'],
    ['EDGE-5', plain.uscc, '2024-12-31', '2027-06-30', 1, 'doubtful'],
  ];
  for (const [loanNo, uscc, issue, maturity, first, risk] of rows) {
    await ds.query(
      `INSERT INTO loan (period, loan_no, institution_code, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, guarantee, risk_class, first_loan)
       VALUES ('2025Q4', ?, ?, ?, ?, ?, 123456789, 98765432, 41234, 'ip_pledge', ?, ?)`,
      [loanNo, outlet.code, uscc, issue, maturity, risk, first],
    );
  }
}
