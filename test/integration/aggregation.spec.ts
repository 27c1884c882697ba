import type { INestApplication } from '@nestjs/common';
import { aggregatePeriod, SCHEME_SDTF_2025, type EnterpriseRow, type LoanRow, type QualificationRow } from '@sci/shared';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../api/src/core/config/app-config';
import { InputDigestRepository } from '../../api/src/dataset/input-digest.repository';
import { EnterpriseEntity, QualificationEntity } from '../../api/src/dataset/entities/enterprise.entity';
import { LoanEntity } from '../../api/src/dataset/entities/loan.entity';
import { ImportService } from '../../api/src/import/import.service';
import { ComputeReadRepository } from '../../api/src/runs/compute/compute-read.repository';
import { aggregatePeriodFrom, fingerprintOf, inputHashes, inputsOf } from '../../api/src/runs/compute/run-compute';
import { ScoringDataRepository } from '../../api/src/runs/scoring-data.repository';
import { startTestApp } from '../support/app';
import { testDatabases } from '../support/databases';
import { FIXTURE_DIR } from './results-compare';

/**
 * A run aggregates a period from per-borrower partial sums the database groups (GROUP BY
 * institution_code, uscc), fed to the engine's LoanAggregator; the engine's aggregatePeriod over
 * the stored rows is the definition. Both must give the same numbers, on every database, including
 * the edges of the row rules the SQL applies (long-term on 29 February, new on 1 January, NPL).
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('%s', (_name, db) => {
  let app: INestApplication;
  let dataSource: DataSource;
  let config: DatabaseConfig;

  /** A reader with a fresh snapshot (it sees everything committed before it opened). */
  async function withReader<T>(f: (r: ComputeReadRepository) => Promise<T>): Promise<T> {
    const read = await ComputeReadRepository.open(config);
    try {
      return await f(read);
    } finally {
      await read.close();
    }
  }

  beforeAll(async () => {
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    config = fresh.config;
    app = (await startTestApp(fresh.config, dataSource)).app;
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
  });

  afterAll(async () => {
    await app.close();
  });

  describe(aggregatePeriodFrom.name, () => {
    beforeAll(async () => {
      await addEdgeRows(dataSource);
    });

    it.each(['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'])('should equal the reference aggregation at %s', async (period) => {
      const loans: LoanRow[] = await dataSource.getRepository(LoanEntity).find({ where: { period } });
      const enterprises: EnterpriseRow[] = await dataSource.getRepository(EnterpriseEntity).find();
      const qualifications: QualificationRow[] = await dataSource.getRepository(QualificationEntity).find();
      const actual = await withReader(async (r) => aggregatePeriodFrom(r, period, await r.listUnits(), await r.borrowerReference()));
      const expected = aggregatePeriod(period, await withReader((r) => r.listUnits()), loans, enterprises, qualifications);
      expect(Object.keys(actual.units).length).toBeGreaterThan(300);
      expect(actual).toEqual(expected);
    });

    it('should give back exactly what was stored in the aggregate cache, under the same key only', async () => {
      const agg = await withReader(async (r) => aggregatePeriodFrom(r, '2025Q2', await r.listUnits(), await r.borrowerReference()));
      await app.get(ScoringDataRepository).storeAggregates('key-1', agg);
      await withReader(async (r) => {
        await expect(r.cachedAggregates('2025Q2', 'key-1')).resolves.toEqual(agg);
        await expect(r.cachedAggregates('2025Q2', 'key-2')).resolves.toBeNull();
        await expect(r.cachedAggregates('2025Q1', 'key-1')).resolves.toBeNull();
      });
    });

    it('should report no data for a period without loans', async () => {
      await expect(withReader(async (r) => aggregatePeriodFrom(r, '2023Q4', await r.listUnits(), await r.borrowerReference()))).resolves.toEqual({
        period: '2023Q4',
        hasData: false,
        units: {},
      });
    });
  });

  // after aggregatePeriodFrom's tests: addEdgeRows has changed 2025Q4 and qualifications outside an import
  describe(inputHashes.name, () => {
    const periods = inputsOf('2025Q4', SCHEME_SDTF_2025).periods;
    const fingerprint = async (): Promise<{ fingerprint: string; notes: string[] }> => {
      const digests = await app.get(InputDigestRepository).forPeriods(periods);
      const { hashes, notes } = await withReader((r) => inputHashes(r, periods, digests));
      return { fingerprint: fingerprintOf(hashes), notes };
    };

    it('should take the hashes the import recorded when the guard agrees', async () => {
      const recorded = await app.get(InputDigestRepository).forPeriods(periods);
      const { hashes, notes } = await withReader((r) => inputHashes(r, periods, recorded));
      const loan = recorded.find((d) => d.table === 'loan' && d.period === '2025Q3');
      expect(loan).toBeDefined();
      expect(hashes.loans['2025Q3']).toBe(loan?.contentHash);
      expect(hashes.institution).toBe(recorded.find((d) => d.table === 'institution')?.contentHash);
      expect(notes.filter((n) => n.startsWith('loans of 2025Q3') || n.startsWith('institution'))).toEqual([]);
      // addEdgeRows inserted a qualification and 2025Q4 loans behind the import's back
      expect(notes.some((n) => n.startsWith('qualification: the database holds'))).toBe(true);
      expect(notes.some((n) => n.startsWith('loans of 2025Q4: the database holds'))).toBe(true);
      expect(hashes.qualification).not.toBe(recorded.find((d) => d.table === 'qualification')?.contentHash);
    });

    it('should notice a row changed outside an import, say so, and come back when it is restored', async () => {
      const before = await fingerprint();
      const [row] = await dataSource.query("SELECT id, balance_fen FROM loan WHERE period = '2025Q3' ORDER BY id LIMIT 1");
      await dataSource.query('UPDATE loan SET balance_fen = balance_fen + 1 WHERE id = ?', [row.id]);
      const changed = await fingerprint();
      await dataSource.query('UPDATE loan SET balance_fen = ? WHERE id = ?', [row.balance_fen, row.id]);
      expect(changed.fingerprint).not.toBe(before.fingerprint);
      expect(changed.notes.some((n) => n.startsWith('loans of 2025Q3:') && n.includes('changed outside an import'))).toBe(true);
      const after = await fingerprint();
      expect(after.fingerprint).toBe(before.fingerprint);
      expect(after.notes.filter((n) => n.startsWith('loans of 2025Q3'))).toEqual([]);
    });

    it('should recompute a hash equal to the recorded one when the rows are as imported', async () => {
      const recorded = await app.get(InputDigestRepository).forPeriods(periods);
      const loan = recorded.find((d) => d.table === 'loan' && d.period === '2025Q2');
      await expect(withReader((r) => r.recomputeDigest('loan', '2025Q2'))).resolves.toMatchObject({ contentHash: loan?.contentHash, rowCount: loan?.rowCount });
      const inst = recorded.find((d) => d.table === 'institution');
      await expect(withReader((r) => r.recomputeDigest('institution'))).resolves.toMatchObject({ contentHash: inst?.contentHash });
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
