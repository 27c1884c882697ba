import type { INestApplication } from '@nestjs/common';
import type { Scheme } from '@sci/shared';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { PolicyLabService } from '../../../api/src/policy-lab/policy-lab.service';
import { RunsService } from '../../../api/src/runs/runs.service';
import { DraftsService } from '../../../api/src/schemes/drafts.service';
import { systemScope } from '../../../api/src/core/auth/scope';
import { parseDatabaseUrl } from '../../../api/src/core/config/app-config';
import { openDataSource } from '../../../api/src/core/database/data-source';
import { startTestApp } from '../../support/app';
import { testDatabases } from '../../support/databases';
import { importServiceFor } from '../../support/import';

/**
 * Simulation time against a normal run (issue 12: within 2x), on a province generated before
 * (BENCH_DIR, default /work/bench-data/scale4): a full run of 2025Q4 with no cached quarter, the
 * same warm, then a simulation of a draft touching five parameters (the draft and the scheme in
 * force on 2025Q4 and its certification year, plus each parameter alone), cold and warm.
 * BENCH_DB: a database with the province already loaded (sqlite:<file>), to skip the import.
 */
const DIR = process.env['BENCH_DIR'] ?? '/work/bench-data/scale4';
const PERIOD = '2025Q4';

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** As in scoring.bench.ts: the loans a quarter at a time. */
async function importProvince(ds: DataSource, dir: string): Promise<void> {
  const service = importServiceFor(ds);
  const others = readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'loans.csv');
  const ref = await service.importFiles(others.map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })), 'bench');
  expect(ref.status).toBe('succeeded');
  const buf = readFileSync(join(dir, 'loans.csv'));
  const headerEnd = buf.indexOf(10) + 1;
  const parts = new Map<string, Buffer[]>();
  for (let pos = headerEnd; pos < buf.length; ) {
    const nl = buf.indexOf(10, pos);
    const end = nl === -1 ? buf.length : nl + 1;
    const period = buf.toString('latin1', pos, pos + 6);
    parts.set(period, [...(parts.get(period) ?? []), buf.subarray(pos, end)]);
    pos = end;
  }
  for (const [period, lines] of parts) {
    const r = await service.importFiles([{ name: 'loans.csv', bytes: Buffer.concat([buf.subarray(0, headerEnd), ...lines]) }], 'bench');
    if (r.status !== 'succeeded') throw new Error(`loans of ${period}: ${r.status}`);
  }
}

describe.each(testDatabases().slice(0, 1).map((d) => [d.name, d] as const))('policy lab benchmark on %s', (name, db) => {
  let app: INestApplication;

  afterAll(async () => {
    await app?.close();
  });

  it('should simulate a draft of 2025Q4 within 2x a normal run of it', async () => {
    let ds: DataSource;
    if (process.env['BENCH_DB']) {
      const database = parseDatabaseUrl(process.env['BENCH_DB'], 'BENCH_DB');
      ds = await openDataSource(database, { migrate: true });
      app = (await startTestApp(database, ds)).app;
    } else {
      const fresh = await db.fresh();
      ds = fresh.dataSource;
      app = (await startTestApp(fresh.config, ds)).app;
      await importProvince(ds, DIR);
    }
    const clearCache = async (): Promise<void> => {
      await ds.query('DELETE FROM period_aggregate_set');
      await ds.query('DELETE FROM period_aggregate');
    };
    const runs = app.get(RunsService);
    const run = () => runs.runNow({ period: PERIOD, trigger: 'user', triggeredBy: 'bench' });

    await clearCache();
    const runCold = await timed(run);
    const runWarm = await timed(run);
    expect(runWarm.value.status).toBe('succeeded');

    const drafts = app.get(DraftsService);
    const scope = systemScope('bench');
    const d = await drafts.create({ name: 'bench', schemeId: 'sdtf-2025', version: 1 }, scope);
    const p: Scheme = JSON.parse(JSON.stringify(d.params));
    p.classes.K2.weight = 12;
    p.classes.K3.weight = 8;
    p.grades[1].min = 78;
    p.peer_trend.trend_quarters = 2;
    p.certification.C8.composite_min = 70;
    const saved = await drafts.update(d.id, { params: p }, scope);
    expect(saved.problems).toEqual([]);
    const lab = app.get(PolicyLabService);
    await clearCache();
    const simCold = await timed(() => lab.simulate(d.id, PERIOD));
    const simWarm = await timed(() => lab.simulate(d.id, PERIOD));

    const s = simWarm.value;
    const line =
      `${name} ${process.env['BENCH_DB'] ?? DIR}: ${s.unitCount} units; run ${PERIOD} cold ${runCold.ms.toFixed(0)} ms, warm ${runWarm.ms.toFixed(0)} ms; ` +
      `simulation (${s.sensitivity.length} parameters, certification ${s.certificationYear}) cold ${simCold.ms.toFixed(0)} ms ` +
      `(${(simCold.ms / runCold.ms).toFixed(2)}x), warm ${simWarm.ms.toFixed(0)} ms (${(simWarm.ms / runWarm.ms).toFixed(2)}x, scoring ${s.scoringMs} ms); ` +
      `${s.gradeChanges.length} grade changes, ${s.outcomeChanges.length} outcome changes`;
    process.stdout.write(line + '\n');
    expect(s.sensitivity).toHaveLength(5);
    expect(simWarm.ms).toBeLessThan(2 * runWarm.ms);
  });
});
