import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

export interface RunningServer {
  baseUrl: string;
  logins: DemoLogin[];
  /** everything the server printed, for failure messages */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/** The demo logins main.ts prints: `    <user> <password> <role>` lines after "Demo logins". */
export function parseLogins(out: string): DemoLogin[] {
  const idx = out.indexOf('Demo logins');
  if (idx < 0) return [];
  const logins: DemoLogin[] = [];
  for (const line of out.slice(idx).split('\n').slice(1)) {
    const m = /^\s{2,}(\S+)\s+(\S+)\s+(regulator|bank_hq|branch|admin)\b/.exec(
      line,
    );
    if (!m) {
      if (logins.length) break;
      continue;
    }
    logins.push({ username: m[1], password: m[2], role: m[3] });
  }
  return logins;
}

/**
 * Starts the built app as a user would (node dist/api/main.js serving dist/web/browser) on a free
 * port with a fresh SQLite file, seeded with the demo province, and waits until it answers.
 */
export async function startServer(timeoutMs = 240_000): Promise<RunningServer> {
  const main = join(ROOT, 'dist/api/main.js');
  const web = join(ROOT, 'dist/web/browser/index.html');
  if (!existsSync(main) || !existsSync(web)) {
    throw new Error(
      'dist/api or dist/web missing: build first (npx nx run-many -t build -p api,web)',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sci-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`,
      WEB_DIST: 'dist/web/browser',
      SEED_DEMO: 'true',
      RUN_CRON: '',
      // the suite signs in a few dozen times from one address within a minute
      AUTH_LOGIN_LIMIT: '1000',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (exited === null) {
      child.kill('SIGTERM');
      await new Promise<void>((res) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          res();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          res();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  // "is up" is printed after seeding, so the demo logins are complete once it appears.
  while (!out.includes('is up')) {
    if (exited !== null) {
      await stop();
      throw new Error(
        `server exited with ${exited} before it was up:\n${out.slice(-4000)}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `server not up after ${timeoutMs} ms:\n${out.slice(-4000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, logins: parseLogins(out), output: () => out, stop };
}
