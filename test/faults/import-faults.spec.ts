import { formatImportError } from '@sci/shared';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { DataSource } from 'typeorm';
import { tempDir, testDatabases } from '../support/databases';
import { FIXTURES, readLines } from '../support/fixtures';
import { importServiceFor } from '../support/import';

/**
 * Import faults across processes (issue 18): a batch whose process is killed is marked failed at
 * once by the next process that looks (not after 30 minutes), and a second import while one runs
 * in another process reports "another import is in progress" (not a lock wait timeout, not a
 * stack trace). The other process is the real CLI, importing a few hundred thousand loan rows.
 */
const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'api', 'cli.js');
const SD_SMALL = join(FIXTURES, 'sd-small');

function bigDataset(loans: number): string {
  const dir = tempDir('sci-faults-');
  for (const f of ['institutions.csv', 'enterprises.csv']) writeFileSync(join(dir, f), readLines(SD_SMALL, f).join('\n') + '\n');
  const src = readLines(SD_SMALL, 'loans.csv');
  const out = [src[0]];
  for (let copy = 0; out.length <= loans; copy++) {
    for (let i = 1; i < src.length && out.length <= loans; i++) out.push(src[i].replace(/^([^,]*),L/, `$1,K${copy}L`));
  }
  writeFileSync(join(dir, 'loans.csv'), out.join('\n') + '\n');
  return dir;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts the CLI import in another process and waits until its batch is running. */
async function startCliImport(ds: DataSource, url: string, dir: string): Promise<{ child: ChildProcess; batchId: number }> {
  const child = spawn(process.execPath, [CLI, 'import', dir, '--db', url], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env } });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  for (let waited = 0; waited < 60000; waited += 100) {
    const rows: { id: number; holder: string | null }[] = await ds.query("SELECT id, holder FROM import_batch WHERE status = 'running' ORDER BY id DESC");
    // the loans are streaming (inside the write transaction) once progress is past the references
    const read = [...stderr.matchAll(/import: ([\d,]+) \//g)].map((m) => Number(m[1].replace(/,/g, '')));
    if (rows[0]?.holder && read.some((n) => n > 20000)) return { child, batchId: Number(rows[0].id) };
    if (child.exitCode !== null) throw new Error(`the CLI import ended early: ${stderr}`);
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('the CLI import did not start within 60 s');
}

describe.each(testDatabases().map((d) => [d.name, d] as const))('import faults on %s', (name, db) => {
  let ds: DataSource;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    // the CLI bundle must be current: api/bin/cli.mjs rebuilds it when the sources are newer
    const built = spawnSync(process.execPath, [join(ROOT, 'api', 'bin', 'cli.mjs'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status).toBe(0);
    // SQLite writes ~60k rows/s on an idle machine: the CLI must still be writing when the second
    // import's 10 s busy timeout runs out, or that import simply waits its turn and succeeds
    dir = bigDataset(name === 'sqlite' ? 1500000 : 400000);
  }, 300000);

  beforeEach(async () => {
    const fresh = await db.fresh();
    ds = fresh.dataSource;
    url = fresh.config.url;
  });

  afterEach(async () => {
    await ds?.destroy();
  });

  it('should mark a batch whose process was killed failed at once, and store nothing', async () => {
    const { child, batchId } = await startCliImport(ds, url, dir);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    process.stdout.write(`[${name}] injected: SIGKILL of the CLI importing batch ${batchId} mid-loans\n`);
    const service = importServiceFor(ds);
    const t = Date.now();
    const batch = await service.getBatch(batchId);
    expect(batch.status).toBe('failed');
    expect(batch.errors.map(formatImportError)).toEqual([expect.stringMatching(/^:0:: the import was interrupted: its process \(.+:\d+#\d+\) stopped; nothing was stored$/)]);
    expect(Date.now() - t).toBeLessThan(5000);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM loan');
    expect(Number(n)).toBe(0);
    process.stdout.write(`[${name}] checked: batch ${batchId} failed within ${Date.now() - t} ms, 0 loan rows stored\n`);
    // and the next import is not blocked by the dead one
    const again = await importServiceFor(ds, { waitMs: 60000 }).importFiles([{ name: 'penalties.csv', bytes: Buffer.from('institution_code,decided_on,kind,reference\n') }]);
    expect(again.errors).toEqual([]);
  }, 180000);

  it('should answer "another import is in progress" to a second import while one runs in another process', async () => {
    const { child, batchId } = await startCliImport(ds, url, dir);
    try {
      process.stdout.write(`[${name}] injected: a second import while the CLI runs batch ${batchId}\n`);
      const files = [{ name: 'penalties.csv', bytes: Buffer.from('institution_code,decided_on,kind,reference\n') }];
      if (name === 'sqlite') {
        // SQLite has one writer: the batch cannot even be recorded while the other import writes
        await expect(importServiceFor(ds, { waitMs: 1500 }).importFiles(files)).rejects.toMatchObject({
          response: { code: 'IMPORT_LOCKED', message: expect.stringMatching(/^another import is in progress/) },
        });
      } else {
        const second = await importServiceFor(ds, { waitMs: 1500 }).importFiles(files);
        expect(second.status).toBe('failed');
        expect(second.errors.map(formatImportError)).toEqual([
          expect.stringMatching(new RegExp(`^:0:: another import is in progress \\(batch ${batchId}, .+\\); this one was not started: send it again when that one has finished$`)),
        ]);
      }
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code).toBe(0);
      const [{ s }] = await ds.query('SELECT status AS s FROM import_batch WHERE id = ?', [batchId]);
      expect(s).toBe('succeeded');
      process.stdout.write(`[${name}] checked: the second import was refused by name; the first succeeded\n`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 180000);
});
