import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type {
  QualityBoardResponse,
  ResultsPageResponse,
  SignalsPageResponse,
  UnitSignalsResponse,
} from '@sci/shared';
import { generateProvince } from '../../api/src/generator/generator';
import {
  PLANT_UNITS,
  type PlantedFinding,
} from '../../api/src/generator/signals-plant';
import { DORMANT_UNIT } from '../../api/src/generator/units';
import { DEMO_DATASET } from '../../api/src/import/demo-dataset.seeder';
import { ImportService } from '../../api/src/import/import.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { createTestUser, login } from '../support/auth';
import { tempDir, testDatabases } from '../support/databases';

const PERIODS = ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];

/**
 * Integrity signals on the generated demo province (issue 13): every run computes them, they find
 * exactly the planted patterns (no other unit, kind or period), and users see them through their
 * scope. The demo is generated once per database and runs every period, as `npm start` does.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'integrity signals on %s',
  (_name, db) => {
    let app: INestApplication;
    let ds: DataSource;
    let baseUrl: string;
    let planted: PlantedFinding[];
    const tokens: Record<string, string> = {};

    const get = async <T>(
      who: string,
      path: string,
    ): Promise<{ status: number; body: T }> => {
      const res = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
      return {
        status: res.status,
        body: (res.headers.get('content-type')?.includes('json')
          ? await res.json()
          : await res.text()) as T,
      };
    };

    beforeAll(async () => {
      const dir = tempDir();
      planted = generateProvince(dir, DEMO_DATASET).planted;
      const fresh = await db.fresh();
      ds = fresh.dataSource;
      ({ app, baseUrl } = await startTestApp(fresh.config, ds));
      const r = await app.get(ImportService).importDirectory(dir, 'test');
      if (r.status !== 'succeeded') throw new Error(`import ${r.status}`);
      const runs = app.get(RunsService);
      for (const period of PERIODS) {
        const run = await runs.runNow({
          period,
          trigger: 'user',
          triggeredBy: 'test',
        });
        await runs.publishAs(run.id, 'test');
      }
      for (const [who, spec] of [
        ['regulator', { role: 'regulator' }],
        ['icbc', { role: 'bank_hq', bankCode: 'ICBC' }],
        ['branch', { role: 'branch', unitCode: 'ICBC-370200' }],
      ] as const) {
        const u = await createTestUser(ds, spec);
        tokens[who] = await login(baseUrl, u.username, u.password);
      }
    }, 900_000);

    afterAll(async () => app?.close());

    it('should plant one finding of every kind at its unit', () => {
      expect(planted.map((f) => [f.kind, f.unit])).toEqual(
        Object.entries(PLANT_UNITS),
      );
      expect(planted.every((f) => f.loanNos.length > 0)).toBe(true);
    });

    it('should find exactly the planted cases and no others, with their loan rows driving them', async () => {
      const rows: {
        period: string;
        kind: string;
        institution_code: string;
        loan_rows: string;
      }[] = await ds.query(
        'SELECT s.period, s.kind, s.institution_code, s.loan_rows FROM integrity_signal s JOIN scoring_run r ON r.id = s.run_id ORDER BY s.period, s.kind',
      );
      const found = rows
        .map((r) => `${r.period} ${r.kind} ${r.institution_code}`)
        .sort();
      expect(found).toEqual(
        planted.map((f) => `${f.period} ${f.kind} ${f.unit}`).sort(),
      );
      for (const f of planted) {
        const row = rows.find(
          (r) => r.period === f.period && r.kind === f.kind,
        )!;
        const loanNos = (JSON.parse(row.loan_rows) as { loanNo: string }[]).map(
          (x) => x.loanNo,
        );
        expect(loanNos).toEqual(expect.arrayContaining(f.loanNos));
        // every driving row is planted, except natural rows that meet the same rule at the same unit
        expect(loanNos.filter((n) => n.startsWith('P')).sort()).toEqual(
          f.loanNos,
        );
      }
    });

    it('should record a computation for every run, with or without findings', async () => {
      const rows: { n: number | string }[] = await ds.query(
        'SELECT COUNT(*) AS n FROM signal_run',
      );
      expect(Number(rows[0].n)).toBe(PERIODS.length);
    });

    it('should list window dressing for the regulator with value, threshold and severity', async () => {
      const res = await get<SignalsPageResponse>(
        'regulator',
        '/signals?period=2025Q4&kind=window_dressing',
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          kind: 'window_dressing',
          code: PLANT_UNITS.window_dressing,
          bankCode: 'ICBC',
          regionCode: '370200',
          measure: 'pct',
          threshold: 2,
          severity: 'medium',
          rowCount: 2,
        }),
      ]);
      expect(res.body.items[0].value).toBeGreaterThan(2);
      expect(res.body.byKind).toEqual({
        window_dressing: 1,
        window_dressing_exit: 0,
        first_loan_claim: 1,
        tech_label_timing: 1,
        quarter_end_cure: 0,
        pricing_outlier: 1,
        concentration: 1,
      });
    });

    it('should show a bank HQ only its own bank, and 404 for another bank unit', async () => {
      const own = await get<SignalsPageResponse>(
        'icbc',
        '/signals?period=2025Q3',
      );
      expect(own.body.items.map((s) => s.code)).toEqual([
        PLANT_UNITS.quarter_end_cure,
      ]);
      expect(own.body.byKind).toMatchObject({
        window_dressing_exit: 0,
        quarter_end_cure: 1,
      });
      const ownQ4 = await get<SignalsPageResponse>(
        'icbc',
        '/signals?period=2025Q4',
      );
      expect(ownQ4.body.items.map((s) => s.code)).toEqual([
        PLANT_UNITS.window_dressing,
      ]);
      const other = await get<UnitSignalsResponse>(
        'icbc',
        `/units/${PLANT_UNITS.window_dressing_exit}/signals?period=2025Q3`,
      );
      expect(other.status).toBe(404);
      const branch = await get<SignalsPageResponse>(
        'branch',
        '/signals?period=2025Q4',
      );
      expect(branch.body.items.map((s) => s.code)).toEqual([
        PLANT_UNITS.window_dressing,
      ]);
    });

    it('should give the unit panel its driving loan rows', async () => {
      const res = await get<UnitSignalsResponse>(
        'icbc',
        `/units/${PLANT_UNITS.window_dressing}/signals?period=2025Q4`,
      );
      expect(res.status).toBe(200);
      const wd = planted.find((f) => f.kind === 'window_dressing')!;
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].rows.map((r) => r.loanNo).sort()).toEqual(
        wd.loanNos,
      );
      expect(res.body.items[0].rows[0]).toMatchObject({
        riskClass: 'normal',
        rateE4: 36000,
      });
    });

    it('should filter the ranking board to units with signals', async () => {
      const res = await get<ResultsPageResponse>(
        'regulator',
        '/results?period=2025Q4&hasSignals=true&pageSize=500',
      );
      expect(res.body.items.map((r) => r.code).sort()).toEqual(
        planted
          .filter((f) => f.period === '2025Q4')
          .map((f) => f.unit)
          .sort(),
      );
      const bad = await get<unknown>(
        'regulator',
        '/results?period=2025Q4&hasSignals=maybe',
      );
      expect(bad.status).toBe(400);
    });

    it('should export the filtered signals with their loan numbers', async () => {
      const res = await get<string>(
        'regulator',
        '/signals/export?period=2025Q4&kind=pricing_outlier',
      );
      expect(res.status).toBe(200);
      const lines = res.body.trim().split('\n');
      expect(lines[0]).toBe(
        'period,institution_code,name,bank_code,region_code,kind,severity,measure,value,threshold,basis,amount,row_count,loan_nos',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`2025Q4,${PLANT_UNITS.pricing_outlier},`);
      expect(lines[1]).toContain(
        planted.find((f) => f.kind === 'pricing_outlier')!.loanNos.join(';'),
      );
    });

    it('should build the quality board per bank and period, scoped to the bank for a bank HQ', async () => {
      const all = await get<QualityBoardResponse>('regulator', '/quality');
      expect(all.body.periods).toEqual([...PERIODS].reverse());
      const psbc = all.body.cells.find(
        (c) => c.bankCode === 'PSBC' && c.period === '2025Q4',
      )!;
      expect(psbc.unitsWithoutRows).toContain(DORMANT_UNIT);
      expect(psbc.marks).toContain('unitsWithoutRows');
      const icbcQ4 = all.body.cells.find(
        (c) => c.bankCode === 'ICBC' && c.period === '2025Q4',
      )!;
      const icbcQ3 = all.body.cells.find(
        (c) => c.bankCode === 'ICBC' && c.period === '2025Q3',
      )!;
      expect(icbcQ4.change.rows).toBeCloseTo(
        (100 * (icbcQ4.rows - icbcQ3.rows)) / icbcQ3.rows,
        9,
      );
      expect(
        all.body.cells.find((c) => c.period === '2024Q4')!.change.rows,
      ).toBeNull();
      const rows: { n: number | string }[] = await ds.query(
        "SELECT COUNT(*) AS n FROM loan l JOIN institution i ON i.code = l.institution_code WHERE l.period = '2025Q4' AND i.bank_code = 'ICBC'",
      );
      expect(icbcQ4.rows).toBe(Number(rows[0].n));
      const own = await get<QualityBoardResponse>('icbc', '/quality');
      expect([...new Set(own.body.cells.map((c) => c.bankCode))]).toEqual([
        'ICBC',
      ]);
      expect((await get<unknown>('branch', '/quality')).status).toBe(403);
    });
  },
);
