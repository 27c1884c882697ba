import type { INestApplication } from '@nestjs/common';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { generateProvince } from '../../../api/src/generator/generator';
import { RunsService } from '../../../api/src/runs/runs.service';
import { SchemesService } from '../../../api/src/schemes/schemes.service';
import { SignalsComputer } from '../../../api/src/signals/signals-computer';
import { startTestApp } from '../../support/app';
import { tempDir, testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * What integrity signals add to a run (issue 13; target at most +50 %): a generated province
 * (BENCH_SCALE, default 4; or BENCH_DIR, generated before), the run of 2025Q3 (the quarter with a
 * next snapshot, so every rule reads its neighbours), cold (no cached quarter) and warm, each
 * next to the signal computation that follows it. Best of 2 after a warm-up.
 */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 4);
const PERIOD = '2025Q3';

/**
 * Imports the reference files through the import service, then the loans straight into the table
 * in one transaction: the validating import of half a million rows is the import benchmark's
 * subject, not this one's, and takes minutes on a shared machine. The generated loans.csv has no
 * quoted fields (the generator writes codes, dates and numbers only).
 */
async function importProvince(ds: DataSource, dir: string): Promise<void> {
  const service = importServiceFor(ds);
  const others = readdirSync(dir).filter(
    (f) => f.endsWith('.csv') && f !== 'loans.csv',
  );
  const ref = await service.importFiles(
    others.map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })),
    'bench',
  );
  expect(ref.status).toBe('succeeded');
  const [header, ...lines] = readFileSync(join(dir, 'loans.csv'), 'utf8')
    .trim()
    .split('\n');
  const col = new Map(header.split(',').map((c, i) => [c, i]));
  const fen = (yuan: string): number => Math.round(Number(yuan) * 100);
  const rows = lines.map((l) => {
    const v = l.split(',');
    const at = (c: string): string => v[col.get(c) as number];
    return [
      at('period'),
      at('loan_no'),
      at('institution_code'),
      at('uscc'),
      at('issue_date'),
      at('maturity_date'),
      fen(at('amount')),
      fen(at('balance')),
      Math.round(Number(at('rate')) * 10_000),
      at('guarantee'),
      at('risk_class'),
      at('first_loan') === 'Y' ? 1 : 0,
    ];
  });
  await ds.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await m.query(
        `INSERT INTO loan (period, loan_no, institution_code, uscc, issue_date, maturity_date, amount_fen, balance_fen, rate_e4, guarantee, risk_class, first_loan) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
  });
}

describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'signals benchmark on %s',
  (name, db) => {
    let app: INestApplication;

    afterAll(async () => app?.close());

    it(`should time the signals of a run at scale ${SCALE} next to the run`, async () => {
      const dir =
        process.env['BENCH_DIR'] ?? join(tempDir('sci-bench-'), 'province');
      if (!process.env['BENCH_DIR'])
        generateProvince(dir, {
          seed: 1,
          scale: SCALE,
          first: '2024Q4',
          last: '2025Q4',
        });
      const fresh = await db.fresh();
      const ds = fresh.dataSource;
      app = (await startTestApp(fresh.config, ds)).app;
      await importProvince(ds, dir);
      const [{ n }] = await ds.query(
        'SELECT COUNT(*) AS n FROM loan WHERE period = ?',
        [PERIOD],
      );
      const runs = app.get(RunsService);
      const { scheme } = await app.get(SchemesService).resolve();
      const computer = app.get(SignalsComputer);
      /** the run's own duration (recorded before its signals) and its signals' duration */
      const once = async (
        cold: boolean,
      ): Promise<{ run: number; signals: number; count: number }> => {
        if (cold) {
          await ds.query('DELETE FROM period_aggregate_set');
          await ds.query('DELETE FROM period_aggregate');
        }
        const r = await runs.runNow({
          period: PERIOD,
          trigger: 'user',
          triggeredBy: 'bench',
        });
        expect(r.status).toBe('succeeded');
        const [row] = await ds.query(
          'SELECT r.duration_ms AS run, s.duration_ms AS sig, s.signal_count AS c FROM scoring_run r JOIN signal_run s ON s.run_id = r.id WHERE r.id = ?',
          [r.id],
        );
        return {
          run: Number(row.run),
          signals: Number(row.sig),
          count: Number(row.c),
        };
      };
      const best = async (
        cold: boolean,
      ): Promise<{ run: number; signals: number; count: number }> => {
        await once(cold);
        const a = await once(cold);
        const b = await once(cold);
        return {
          run: Math.min(a.run, b.run),
          signals: Math.min(a.signals, b.signals),
          count: a.count,
        };
      };
      const cold = await best(true);
      const warm = await best(false);
      const [{ id }] = await ds.query(
        "SELECT MAX(id) AS id FROM scoring_run WHERE status = 'succeeded'",
      );
      let direct = Infinity;
      for (let i = 0; i < 3; i++)
        direct = Math.min(
          direct,
          (await computer.computeForRun(Number(id), PERIOD, scheme)).durationMs,
        );
      const pct = (s: number, r: number): string =>
        `${((100 * s) / r).toFixed(0)} %`;
      process.stdout.write(
        [
          '',
          `${name} ${process.env['BENCH_DIR'] ?? `scale ${SCALE}`}: ${Number(n).toLocaleString('en')} loan rows in ${PERIOD}, ${cold.count} signals`,
          `  run, cold (quarters aggregated)   ${String(cold.run).padStart(6)} ms   signals ${String(cold.signals).padStart(6)} ms  (+${pct(cold.signals, cold.run)})`,
          `  run, warm (aggregates cached)     ${String(warm.run).padStart(6)} ms   signals ${String(warm.signals).padStart(6)} ms  (+${pct(warm.signals, warm.run)})`,
          `  signals alone, best of 3          ${String(direct).padStart(6)} ms`,
          '',
        ].join('\n'),
      );
    });
  },
);
