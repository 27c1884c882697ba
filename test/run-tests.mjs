#!/usr/bin/env node
// `npm test`: every unit test of every project, then the builds the cross-app suites need,
// then the cross-app suites (integration on SQLite [+ MySQL], browser end-to-end).
// Exits non-zero on the first failing step.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', TZ: 'UTC' };
const bin = (n) => join(root, 'node_modules', '.bin', n);
const extra = process.argv.slice(2);

const steps = [
  ['unit tests', bin('nx'), ['run-many', '-t', 'test', '--output-style=static', '--parallel=2']],
  ['builds', bin('nx'), ['run-many', '-t', 'build', '-p', 'api,web', '--output-style=static']],
  ['cross-app suites', bin('jest'), ['-c', 'test/jest.config.ts', '--runInBand', '--forceExit', ...extra]],
];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`\nnpm test: ${name} failed\n`);
    process.exit(r.status ?? 1);
  }
}
