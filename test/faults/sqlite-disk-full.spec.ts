import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'child_process';
import { copyFileSync } from 'fs';
import { join } from 'path';
import { FIXTURE_DIR } from '../integration/results-compare';
import { tempDir } from '../support/databases';
import { bundle, note, serverEnv } from './support';

/**
 * A full disk under SQLite, reproduced without root: the CLI runs under a file-size limit
 * (`ulimit -f`, RLIMIT_FSIZE), so SQLite's writes past it fail inside COMMIT exactly as they do
 * on a full volume (SQLITE_IOERR_WRITE here, SQLITE_FULL on ENOSPC; both are auto-rollbacks).
 * `PRAGMA max_page_count` is not used: it fails the INSERT before COMMIT, a path that always
 * rolled back cleanly and does not reproduce the lost "succeeded" runs.
 */
function inspect(file: string): { runs: { status: string; stage: string }[]; results: number; leaseHeld: boolean; integrity: string } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      runs: db.prepare('SELECT status, stage FROM scoring_run ORDER BY id').all() as { status: string; stage: string }[],
      results: (db.prepare('SELECT COUNT(*) AS n FROM run_result').get() as { n: number }).n,
      leaseHeld: !!db.prepare("SELECT 1 FROM lease WHERE holder IS NOT NULL AND expires_at > ?").get(Date.now()),
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check,
    };
  } finally {
    db.close();
  }
}

describe('SQLite disk full during a run', () => {
  let pristine: string;

  beforeAll(() => {
    pristine = join(tempDir('sci-fault-full-'), 'seed.sqlite');
    const r = spawnSync(process.execPath, [bundle('cli.js'), 'import', FIXTURE_DIR, '--db', `sqlite:${pristine}`], { env: serverEnv(`sqlite:${pristine}`), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
  });

  it.each([150, 600])('should fail the run loudly and report nothing as succeeded with %i KB left for the journal', (kb) => {
    const file = join(tempDir('sci-fault-full-'), 'app.sqlite');
    copyFileSync(pristine, file);
    note(`injected: cli run --period 2025Q4 under ulimit -f ${kb} (SQLite writes past ${kb} KB fail)`);
    const r = spawnSync('bash', ['-c', `ulimit -f ${kb}; exec "$0" "$@"`, process.execPath, bundle('cli.js'), 'run', '--period', '2025Q4', '--db', `sqlite:${file}`], {
      env: serverEnv(`sqlite:${file}`),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    note(`cli exit ${r.status}; said: ${out.trim().split('\n').pop()}`);
    expect(out).not.toMatch(/succeeded/);
    expect(r.status).not.toBe(0);
    expect(out).toMatch(/disk|full|I\/O|did not commit/i);
    const after = inspect(file);
    note(`checked on disk: runs ${JSON.stringify(after.runs)}, ${after.results} results, integrity ${after.integrity}`);
    expect(after.runs.filter((x) => x.status === 'succeeded')).toEqual([]);
    expect(after.results).toBe(0);
    expect(after.integrity).toBe('ok');

    note('then: the same run with space again succeeds on the same file');
    const again = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--period', '2025Q4', '--db', `sqlite:${file}`], { env: serverEnv(`sqlite:${file}`), encoding: 'utf8', timeout: 60_000 });
    const ok = inspect(file);
    note(`retry exit ${again.status}: ${again.stdout.trim() || again.stderr.trim()}; results on disk ${ok.results}, integrity ${ok.integrity}`);
    expect(again.status).toBe(0);
    expect(ok.results).toBe(346);
    expect(ok.integrity).toBe('ok');
  });
});
