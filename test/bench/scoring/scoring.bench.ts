import type { INestApplication } from '@nestjs/common';
import { scorePeriod } from '@sci/shared';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { generateProvince } from '../../../api/src/generator/generator';
import { RunExecutor } from '../../../api/src/runs/run-executor';
import { RunsService } from '../../../api/src/runs/runs.service';
import { ScoringDataRepository } from '../../../api/src/runs/scoring-data.repository';
import { SchemesService } from '../../../api/src/schemes/schemes.service';
import { startTestApp } from '../../support/app';
import { tempDir, testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * Scoring speed: a generated province (BENCH_SCALE, default 4: ~100,000 loan rows a quarter;
 * 40 is ~1M; or BENCH_DIR, a folder generated before) for 2024Q4..2025Q4, then in the same
 * run, best of 2 after a warm-up:
 *  - one plain `SELECT institution_code, SUM(balance_fen) ... GROUP BY institution_code` over
 *    the quarter's loan rows (the yardstick);
 *  - the quarter's aggregates (one pass over its rows), the engine's scoring, and the input
 *    hashes (every row of the quarter, its three trend quarters, p0 and the reference tables);
 *  - one full run of 2025Q4 from the database (hashes, aggregates, scoring, results written in
 *    one transaction), cold (no cached quarter) and warm (every quarter's aggregates cached).
 * Prints the times, the ratios to the plain aggregate and the peak RSS.
 */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 4);
const PERIOD = '2025Q4';
const lines: string[] = [];

async function best<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await f(); // warm-up: JIT, page cache, statement cache
  let out: { ms: number; value: T } | null = null;
  for (let i = 0; i < 2; i++) {
    const t = process.hrtime.bigint();
    const value = await f();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (!out || ms < out.ms) out = { ms, value };
  }
  return out as { ms: number; value: T };
}

/**
 * Peak RSS and peak heap growth while `f` runs (sampled every 20 ms). RSS includes what the
 * generator and the import left in this process; the heap growth is the run's own.
 */
async function peakMemory<T>(f: () => Promise<T>): Promise<{ rss: number; heap: number; value: T }> {
  const base = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  let heap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed - base);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await f();
    sample();
    return { rss, heap, value };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports the generated folder: everything but the loans as one batch, then the loans one
 * quarter at a time (at scale 40 loans.csv is ~600 MB, more than one import takes at once).
 */
async function importProvince(ds: DataSource, dir: string): Promise<void> {
  const service = importServiceFor(ds);
  const others = readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'loans.csv');
  const ref = await service.importFiles(others.map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })), 'bench');
  expect(ref.status).toBe('succeeded');
  for (const [period, bytes] of splitByPeriod(readFileSync(join(dir, 'loans.csv')))) {
    const r = await service.importFiles([{ name: 'loans.csv', bytes }], 'bench');
    if (r.status !== 'succeeded') throw new Error(`loans of ${period}: ${r.status} ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
}

/** loans.csv split by its first column (period), each part with the header; bytes, never one huge string. */
function splitByPeriod(buf: Buffer): Map<string, Buffer> {
  const headerEnd = buf.indexOf(10) + 1;
  if (buf.toString('utf8', 0, 7) !== 'period,') throw new Error('loans.csv does not start with the period column');
  const parts = new Map<string, Buffer[]>();
  for (let pos = headerEnd; pos < buf.length; ) {
    const nl = buf.indexOf(10, pos);
    const end = nl === -1 ? buf.length : nl + 1;
    const period = buf.toString('latin1', pos, pos + 6);
    const list = parts.get(period) ?? [];
    list.push(buf.subarray(pos, end));
    parts.set(period, list);
    pos = end;
  }
  return new Map([...parts].map(([p, lines]) => [p, Buffer.concat([buf.subarray(0, headerEnd), ...lines])]));
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('scoring benchmark on %s', (name, db) => {
  let app: INestApplication;
  let ds: DataSource;

  afterAll(async () => {
    await app?.close();
  });

  it(`should time a full run of a quarter at scale ${SCALE} next to a plain GROUP BY`, async () => {
    // BENCH_DIR: a province generated earlier (npm run cli -- generate <dir> --scale N), to skip generating
    const dir = process.env['BENCH_DIR'] ?? join(tempDir('sci-bench-'), 'province');
    if (!process.env['BENCH_DIR']) generateProvince(dir, { seed: 1, scale: SCALE, first: '2024Q4', last: PERIOD });
    const fresh = await db.fresh();
    ds = fresh.dataSource;
    app = (await startTestApp(fresh.config, ds)).app;
    await importProvince(ds, dir);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM loan WHERE period = ?', [PERIOD]);
    const rows = Number(n);

    const groupBy = await best(async () => {
      const r: unknown[] = await ds.query('SELECT institution_code, SUM(balance_fen) AS s FROM loan WHERE period = ? GROUP BY institution_code', [PERIOD]);
      return r.length;
    });
    const data = app.get(ScoringDataRepository);
    const executor = app.get(RunExecutor);
    const runs = app.get(RunsService);
    const { scheme } = await app.get(SchemesService).resolve();
    const units = await data.listUnits();
    const clearCache = async (): Promise<void> => {
      await ds.query('DELETE FROM period_aggregate_set');
      await ds.query('DELETE FROM period_aggregate');
    };
    const aggregateOne = await best(() => data.aggregatePeriod(PERIOD, units));
    const hashes = await best(() => executor.inputHashes(PERIOD, scheme));
    const input = await executor.loadInput(PERIOD, scheme, hashes.value);
    const scoring = await best(async () => scorePeriod(input, scheme).length);
    const run = (): Promise<{ status: string; scoredCount: number; unitCount: number }> => runs.runNow({ period: PERIOD, trigger: 'user', triggeredBy: 'bench' });
    const cold = await peakMemory(() =>
      best(async () => {
        await clearCache();
        return run();
      }),
    );
    const warm = await best(run);
    for (const r of [cold.value.value, warm.value]) {
      expect(r.status).toBe('succeeded');
      expect(r.scoredCount).toBeGreaterThan(300);
    }

    const g = groupBy.ms;
    const f = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms (${(ms / g).toFixed(1).padStart(5)}x)`;
    const line = [
      `${name.padEnd(6)} ${process.env['BENCH_DIR'] ? dir : `scale ${SCALE}`}: ${rows.toLocaleString('en')} loan rows in ${PERIOD}, ${warm.value.unitCount} units`,
      `  plain GROUP BY institution_code               ${g.toFixed(0).padStart(6)} ms`,
      `  aggregates of the quarter (one pass, cold)    ${f(aggregateOne.ms)}`,
      `  scoring (engine, in memory)                   ${f(scoring.ms)}`,
      `  input hashes (every row of 5 quarters + refs) ${f(hashes.ms)}`,
      `  full run, cold (5 quarters aggregated)        ${f(cold.value.ms)}   peak RSS ${(cold.rss / 2 ** 20).toFixed(0)} MB, heap +${(cold.heap / 2 ** 20).toFixed(0)} MB`,
      `  full run, warm (quarters' aggregates cached)  ${f(warm.ms)}`,
    ].join('\n');
    lines.push(line);
    process.stdout.write(`\n${line}\n`);
  });
});

afterAll(() => {
  process.stdout.write(`\nscoring benchmark (best of 2 after a warm-up; ratios to the plain GROUP BY)\n${lines.join('\n')}\n\n`);
});
