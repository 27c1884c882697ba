import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * The import never stalls the API (issue 16): the worst event-loop delay of this process while
 * it imports a generated province folder (BENCH_LOOP_DIR, default /work/bench-data/scale4) —
 * what a GET /api/health served by the same process would wait at most.
 */
const DIR = process.env['BENCH_LOOP_DIR'] ?? '/work/bench-data/scale4';
const maybe = existsSync(join(DIR, 'loans.csv')) ? describe : describe.skip;

maybe('import event-loop benchmark', () => {
  it.each(testDatabases().map((d) => [d.name, d] as const))('should keep the event loop turning on %s', async (name, db) => {
    const { dataSource } = await db.fresh();
    try {
      const files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).map((f) => ({ name: f, path: join(DIR, f) }));
      const h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      const t = Date.now();
      const r = await importServiceFor(dataSource).importFiles(files);
      h.disable();
      expect(r.errors).toEqual([]);
      const rows = Object.values(r.counts).reduce((s, n) => s + (n ?? 0), 0);
      process.stdout.write(
        `\n${name.padEnd(7)} import of ${rows.toLocaleString('en')} rows in ${((Date.now() - t) / 1000).toFixed(1)} s: event-loop delay p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms, max ${(h.max / 1e6).toFixed(0)} ms\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
