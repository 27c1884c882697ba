#!/usr/bin/env node
// `npm run cli -- <command>`: builds the API bundle when it is missing or older than the sources
// (build output goes to stderr, so `npm run --silent cli` prints only the command's own output),
// then runs dist/api/cli.js with the given arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist', 'api', 'cli.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest(join(root, 'api', 'src')), newest(join(root, 'shared', 'src')));
if (stale) {
  const nx = join(root, 'node_modules', '.bin', 'nx');
  const r = spawnSync(nx, ['build', 'api', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (r.status !== 0) {
    process.stderr.write('error: building the API failed (see above)\n');
    process.exit(r.status ?? 1);
  }
}
const r = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit', env: { TZ: 'UTC', ...process.env } });
process.exit(r.status ?? 1);
