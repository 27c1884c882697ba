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
  const buf = readFileSync(join(dir, 'loans.csv'));
  const headerEnd = buf.indexOf(10) + 1;
  const parts = new Map<string, Buffer[]>();
  for (let pos = headerEnd; pos < buf.length; ) {
    const nl = buf.indexOf(10, pos);
    const end = nl === -1 ? buf.length : nl + 1;
    const p = buf.toString('latin1', pos, pos + 6);
    parts.set(p, [...(parts.get(p) ?? []), buf.subarray(pos, end)]);
    pos = end;
  }
  for (const [period, lines] of parts) {
    const r = await service.importFiles(
      [
        {
          name: 'loans.csv',
          bytes: Buffer.concat([buf.subarray(0, headerEnd), ...lines]),
        },
      ],
      'bench',
    );
    if (r.status !== 'succeeded')
      throw new Error(`loans of ${period}: ${r.status}`);
  }
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
