import { spawnSync } from 'child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { createInterface } from 'readline';
import { tempDir, testDatabases } from '../../support/databases';
import { signInAs } from '../../support/auth';
import { startTestApp } from '../../support/app';

/**
 * Province scale (issue 16): `cli import` of a whole generated province folder (BENCH_DIR,
 * default /work/bench-data/scale40: ~1M loan rows a quarter, 5 quarters, ~600 MB loans.csv) on
 * SQLite and on MariaDB — rows/s and peak RSS of the CLI process (GNU time) — and the upload of
 * one zipped quarter through POST /api/imports. Targets: ≥ 150k rows/s, peak RSS < 1 GB.
 * Generate once: `npm run cli -- generate /work/bench-data/scale40 --seed 1 --scale 40 --first 2024Q4 --last 2025Q4`.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const BENCH_DIR = process.env['BENCH_DIR'] ?? '/work/bench-data/scale40';
const CLI = join(ROOT, 'dist', 'api', 'cli.js');
const results: string[] = [];
const have = existsSync(join(BENCH_DIR, 'loans.csv'));
const maybe = have ? describe : describe.skip;
if (!have) process.stderr.write(`province import benchmark skipped: no ${BENCH_DIR}/loans.csv (set BENCH_DIR)\n`);

function timeImport(dbUrl: string): { rows: number; seconds: number; rssMb: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, 'import', BENCH_DIR, '--db', dbUrl], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = r.stdout + r.stderr;
  expect([r.status, out.slice(-2000)]).toEqual([0, expect.stringContaining('stored in')]);
  const rows = [...r.stdout.matchAll(/^\s+\S+\.csv\s+(\d+)$/gm)].reduce((s, m) => s + Number(m[1]), 0);
  const seconds = Number(/stored in ([\d.]+) s/.exec(r.stdout)?.[1]);
  const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) / 1024;
  return { rows, seconds, rssMb, out };
}

maybe('province import benchmark', () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, [join(ROOT, 'api', 'bin', 'cli.mjs'), '--help'], { cwd: ROOT });
    expect(built.status).toBe(0);
  }, 600000);

  it.each(testDatabases().map((d) => [d.name, d] as const))('should import the whole folder with the CLI on %s', async (name, db) => {
    const { config, dataSource } = await db.fresh();
    await dataSource.destroy();
    const t = timeImport(config.url);
    const line = `${name.padEnd(7)} cli import ${t.rows.toLocaleString('en')} rows in ${t.seconds.toFixed(1)} s = ${Math.round(t.rows / t.seconds).toLocaleString('en')} rows/s, peak RSS ${t.rssMb.toFixed(0)} MB (targets ≥ 150,000 rows/s, < 1024 MB)`;
    results.push(line);
    process.stdout.write(`\n${line}\n`);
  });

  it('should take a zipped quarter uploaded through the API', async () => {
    const db = testDatabases()[0];
    const { config, dataSource } = await db.fresh();
    const dir = join(tempDir('sci-bench-zip-'), 'quarter');
    mkdirSync(dir);
    // the reference files and the last quarter's loans, streamed (the file is ~600 MB)
    const last = readdirSync(BENCH_DIR).includes('loans.csv') ? await lastQuarter(join(BENCH_DIR, 'loans.csv'), join(dir, 'loans.csv')) : '';
    for (const f of ['institutions.csv', 'enterprises.csv', 'qualifications.csv']) spawnSync('cp', [join(BENCH_DIR, f), dir]);
    const zipPath = join(dir, '..', 'quarter.zip');
    expect(spawnSync('zip', ['-jq', zipPath, ...['institutions.csv', 'enterprises.csv', 'qualifications.csv', 'loans.csv'].map((f) => join(dir, f))]).status).toBe(0);
    const { app, baseUrl } = await startTestApp(config, dataSource, { UPLOAD_LIMIT_MB: '400' });
    try {
      const { token } = await signInAs(baseUrl, dataSource, { role: 'admin' });
      const form = new FormData();
      form.append('files', await fileBlob(zipPath), 'quarter.zip');
      const t0 = Date.now();
      const res = await fetch(`${baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(res.status).toBe(202);
      const { batchId } = (await res.json()) as { batchId: number };
      let b: { status: string; errors: unknown[]; totalRows: number };
      do {
        await new Promise((r) => setTimeout(r, 1000));
        b = await (await fetch(`${baseUrl}/imports/${batchId}`, { headers: { authorization: `Bearer ${token}` } })).json();
      } while (b.status === 'running');
      expect([b.status, b.errors]).toEqual(['succeeded', []]);
      const line = `sqlite  upload of zipped ${last} (${b.totalRows.toLocaleString('en')} rows) through the API: ${((Date.now() - t0) / 1000).toFixed(1)} s`;
      results.push(line);
      process.stdout.write(`\n${line}\n`);
    } finally {
      await app.close();
      await dataSource.destroy().catch(() => undefined);
    }
  });
});

afterAll(() => {
  if (results.length) process.stdout.write(`\nprovince import benchmark (${BENCH_DIR})\n${results.join('\n')}\n\n`);
});

/** Copies the header and the rows of the file's last period, streamed; returns that period. */
async function lastQuarter(from: string, to: string): Promise<string> {
  let last = '';
  const rl = createInterface({ input: createReadStream(from) });
  for await (const line of rl) {
    const p = line.slice(0, 6);
    if (/^\d{4}Q\d$/.test(p) && p > last) last = p;
  }
  const out = createWriteStream(to);
  let first = true;
  for await (const line of createInterface({ input: createReadStream(from) })) {
    if (first || line.startsWith(last)) out.write(line + '\n');
    first = false;
  }
  await new Promise((r) => out.end(r));
  return last;
}

/** A file as a Blob for fetch's FormData (Node 20: openAsBlob streams it from disk). */
async function fileBlob(path: string): Promise<Blob> {
  const { openAsBlob } = await import('fs');
  return openAsBlob(path);
}
