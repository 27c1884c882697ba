import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import { existsSync } from 'fs';
import { resolve } from 'path';
import { DatabaseConfig } from '../../api/src/core/config/app-config';

/**
 * Helpers of the fault suite: the built bundle, bounded waits, child processes, and the one line
 * per step every case prints (what it injected, what it checked), so a CI log reads as a report.
 */
const DIST = resolve(__dirname, '../../dist/api');

export function bundle(name: 'main.js' | 'cli.js'): string {
  const p = resolve(DIST, name);
  if (!existsSync(p)) throw new Error(`${p} is missing: build the API first (npx nx build api)`);
  return p;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; fails naming `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export function exited(p: ChildProcess): Promise<number | null> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', (code) => r(code)));
}

export function serverEnv(config: DatabaseConfig | string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const url = typeof config === 'string' ? config : config.url;
  return { ...process.env, TZ: 'UTC', DATABASE_URL: url, SEED_DEMO: 'false', WEB_DIST: '', RUN_CRON: '', NODE_ENV: 'test', ...extra };
}

/** A child process whose stdout + stderr are collected; `port()` resolves once it listens. */
export interface Child {
  proc: ChildProcess;
  output(): string;
  port(): Promise<number>;
  kill(signal?: NodeJS.Signals): void;
}

export function start(args: string[], opts: SpawnOptions & { env: NodeJS.ProcessEnv }, command = process.execPath): Child {
  const proc = spawn(command, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  return {
    proc,
    output: () => out,
    port: () => until('the server to listen', async () => Number(/is up: http:\/\/localhost:(\d+)\//.exec(out)?.[1] ?? 0) || (proc.exitCode !== null ? Promise.reject(new Error(out)) : 0), 60_000),
    kill: (signal = 'SIGKILL') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
  };
}

/** One line of the fault report: `[fault] <case>: <what>`. */
export function note(what: string): void {
  process.stdout.write(`[fault] ${expect.getState().currentTestName ?? ''}: ${what}\n`);
}
