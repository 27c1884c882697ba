#!/usr/bin/env node
// `npm run bench`: runs every test/bench/**/*.bench.ts (one after the other, they time things)
// and prints their figures. Extra arguments go to jest, e.g. `npm run bench -- import`.
// Set TEST_MYSQL_URL to measure MySQL/MariaDB too.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const jest = join(root, 'node_modules', '.bin', 'jest');
const r = spawnSync(jest, ['-c', 'test/bench/jest.config.ts', '--runInBand', '--verbose=false', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
process.exit(r.status ?? 1);
