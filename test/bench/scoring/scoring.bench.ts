import type { INestApplication } from '@nestjs/common';
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../../api/src/core/config/app-config';
import { openDataSource } from '../../../api/src/core/database/data-source';
import { generateProvince } from '../../../api/src/generator/generator';
import { RunsService } from '../../../api/src/runs/runs.service';
import { startTestApp } from '../../support/app';
import { signInAs } from '../../support/auth';
import { tempDir, testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * Run speed at province scale, all measured side by side in one process:
 *  - the yardstick: one `SELECT institution_code, SUM(balance_fen), COUNT(DISTINCT uscc) ...
 *    GROUP BY institution_code` over the quarter's loans (first pass, then best of 2);
 *  - a full run of 2025Q4 COLD: the first run of this process, no cached aggregates, no warm-up
 *    (5 quarters aggregated on the worker thread) — while autocannon hits GET /api/health and
 *    GET /api/results with 20 concurrent clients;
 *  - a full run WARM (every quarter's aggregates cached, fingerprint from the import digests
 *    behind the COUNT/SUM guard), best of 2.
 * Data: BENCH_DB, a database loaded before (e.g. sqlite:/work/bench-data/h2-db/scale40.sqlite;
 * it is migrated, its runs and aggregate cache are cleared); else BENCH_DIR or a generated
 * province (BENCH_SCALE, default 4) imported a quarter at a time into a fresh database.
 * Prints times, ratios to the GROUP BY, the worker's step timings, the probes' p50/p99 and peak RSS.
 */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 4);
const PERIOD = '2025Q4';
const lines: string[] = [];

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** Peak RSS of the process (worker threads included) while `f` runs, sampled every 20 ms. */
async function peakRss<T>(f: () => Promise<T>): Promise<{ rss: number; value: T }> {
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
  try {
    const value = await f();
    return { rss: Math.max(rss, process.memoryUsage().rss), value };
  } finally {
    clearInterval(timer);
  }
}

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
  return new Map([...parts].map(([p, ls]) => [p, Buffer.concat([buf.subarray(0, headerEnd), ...ls])]));
}

/** autocannon against `path` until `until` settles; latency percentiles in ms. */
async function probe(url: string, headers: Record<string, string>, until: Promise<unknown>): Promise<{ p50: number; p99: number; max: number; requests: number; errors: number }> {
  const instance = autocannon({ url, connections: 20, duration: 3600, headers });
  void until.finally(() => (instance as unknown as { stop(): void }).stop());
  const r = await instance;
  return { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, errors: r.errors + r.non2xx };
}

const databases = process.env['BENCH_DB']
  ? [['bench', null] as const]
  : testDatabases().map((d) => [d.name, d] as const);

describe.each(databases)('scoring benchmark on %s', (name, db) => {
  let app: INestApplication;

  afterAll(async () => {
    await app?.close();
  });

  it(`should time a run of ${PERIOD} cold and warm next to one GROUP BY`, async () => {
    let config;
    let ds: DataSource;
    if (db) {
      const fresh = await db.fresh();
      ({ config, dataSource: ds } = fresh);
      const dir = process.env['BENCH_DIR'] ?? join(tempDir('sci-bench-'), 'province');
      if (!process.env['BENCH_DIR']) generateProvince(dir, { seed: 1, scale: SCALE, first: '2024Q4', last: PERIOD });
      await importProvince(ds, dir);
    } else {
      config = parseDatabaseUrl(process.env['BENCH_DB'] as string, 'BENCH_DB');
      ds = await openDataSource(config);
      await ds.query('DELETE FROM run_result');
      await ds.query('DELETE FROM scoring_run');
      await ds.query('DELETE FROM lease');
    }
    await ds.query('DELETE FROM period_aggregate_set');
    await ds.query('DELETE FROM period_aggregate');
    // the per-user rate limit (600/min) would answer the probes 429 and measure nothing
    const started = await startTestApp(config, ds, { API_RATE_LIMIT: '0' });
    app = started.app;
    const { token } = await signInAs(started.baseUrl, ds, { role: 'regulator' });
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM loan WHERE period = ?', [PERIOD]);
    const rows = Number(n);
    const groupBy = (): Promise<unknown> =>
      ds.query('SELECT institution_code, SUM(balance_fen) AS s, COUNT(DISTINCT uscc) AS b FROM loan WHERE period = ? GROUP BY institution_code', [PERIOD]);
    const floorFirst = await timed(groupBy);
    const runs = app.get(RunsService);
    const run = () => runs.runNow({ period: PERIOD, trigger: 'user', triggeredBy: 'bench' });

    // cold: the first run of the process, nothing cached, probed by 20 clients on two endpoints
    const coldRun = peakRss(() => timed(run));
    const headers = { authorization: `Bearer ${token}` };
    const [cold, health, results] = await Promise.all([
      coldRun,
      probe(`${started.baseUrl}/health`, {}, coldRun),
      probe(`${started.baseUrl}/results?period=2025Q3`, headers, coldRun),
    ]);
    const warm1 = await timed(run);
    const warm2 = await timed(run);
    const warm = warm1.ms < warm2.ms ? warm1 : warm2;
    const floor2 = await timed(groupBy);
    const floor3 = await timed(groupBy);
    const g = Math.min(floorFirst.ms, floor2.ms, floor3.ms);
    for (const r of [cold.value.value, warm.value]) expect(r.status).toBe('succeeded');

    const f = (ms: number): string => `${ms.toFixed(0).padStart(7)} ms (${(ms / g).toFixed(1).padStart(5)}x)`;
    const p = (x: { p50: number; p99: number; max: number; requests: number; errors: number }): string =>
      `p50 ${x.p50} ms, p99 ${x.p99} ms, max ${x.max} ms, ${x.requests} requests, ${x.errors} errors`;
    const line = [
      `${name.padEnd(6)} ${process.env['BENCH_DB'] ?? process.env['BENCH_DIR'] ?? `scale ${SCALE}`}: ${rows.toLocaleString('en')} loan rows in ${PERIOD}, ${warm.value.unitCount} units`,
      `  GROUP BY institution_code SUM+COUNT(DISTINCT) ${g.toFixed(0).padStart(7)} ms   (first pass ${floorFirst.ms.toFixed(0)} ms)`,
      `  full run, cold (5 quarters, no warm-up)      ${f(cold.value.ms)}   peak RSS ${(cold.rss / 2 ** 20).toFixed(0)} MB`,
      `  full run, warm (aggregates cached)           ${f(warm.ms)}`,
      `  during the cold run, 20 clients: GET /api/health  ${p(health)}`,
      `  during the cold run, 20 clients: GET /api/results ${p(results)}`,
    ].join('\n');
    lines.push(line);
    process.stdout.write(`\n${line}\n`);
  });
});

afterAll(() => {
  process.stdout.write(`\nscoring benchmark (ratios to one GROUP BY over the quarter, measured in the same run)\n${lines.join('\n')}\n\n`);
});
