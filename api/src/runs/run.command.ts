import { Option } from 'commander';
import { isPeriod } from '@sci/shared';
import { createCliContext } from '../bootstrap';
import { CliCommand, CliError } from '../cli/cli-command';
import { loadConfig, parseDatabaseUrl } from '../core/config/app-config';
import { RunsService } from './runs.service';

function positiveInt(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} "${String(v)}" is not a positive integer`);
  return n;
}

/**
 * `run --period <YYYYQn> [--db <url>] [--scheme <id> [--scheme-version <n>]] [--publish]`: scores
 * a period of the configured (or given) database now, as a user-triggered run, and prints the
 * run's id and outcome. `--tick` instead does what one scheduler tick does (every period whose
 * inputs changed). Hidden options for the crash-recovery test: `--lease-ttl <s>` and
 * `--hold-before-commit <ms>` (wait inside the results transaction before COMMIT), and for the
 * fault suite `--hold-before-write <ms>` (wait after scoring, before the results transaction).
 */
export const runCommand: CliCommand = {
  name: 'run',
  description: 'score a period now (or --tick: every period whose data changed)',
  configure: (cmd) =>
    cmd
      .option('--period <YYYYQn>', 'period to score, e.g. 2025Q4')
      .option('--tick', 'run one scheduler tick instead of one period')
      .option('--db <url>', 'database URL (sqlite:<file> or mysql://...); default DATABASE_URL')
      .option('--scheme <id>', 'scheme id (default: the default scheme version)')
      .option('--scheme-version <n>', 'scheme version (default: the latest of --scheme)')
      .option('--publish', 'publish the run when it succeeded')
      .addOption(new Option('--lease-ttl <seconds>').hideHelp())
      .addOption(new Option('--hold-before-commit <ms>').hideHelp())
      .addOption(new Option('--hold-before-write <ms>').hideHelp()),
  async run(opts) {
    const period = opts['period'] !== undefined ? String(opts['period']) : undefined;
    if (!opts['tick'] && !period) throw new CliError('give --period <YYYYQn> or --tick');
    if (period && !isPeriod(period)) throw new CliError(`--period "${period}" is not a period like 2025Q4`);
    const schemeVersion = positiveInt(opts['schemeVersion'], '--scheme-version');
    const ttl = positiveInt(opts['leaseTtl'], '--lease-ttl');
    const hold = positiveInt(opts['holdBeforeCommit'], '--hold-before-commit');
    const holdWrite = positiveInt(opts['holdBeforeWrite'], '--hold-before-write');
    const wait = (ms?: number) => (ms ? () => new Promise<void>((r) => setTimeout(r, ms)) : undefined);
    const base = loadConfig();
    const config = { ...base, runCron: '', database: opts['db'] ? parseDatabaseUrl(String(opts['db']), '--db') : base.database };
    const { app } = await createCliContext(config);
    try {
      const runs = app.get(RunsService);
      if (opts['tick']) {
        const r = await runs.tick();
        process.stdout.write(`tick: ran ${r.ran.join(', ') || 'none'}; up to date ${r.upToDate.join(', ') || 'none'}; busy ${r.busy.join(', ') || 'none'}; reaped ${r.reaped.join(', ') || 'none'}\n`);
        return;
      }
      const user = process.env['USER'] ? `cli:${process.env['USER']}` : 'cli';
      const run = await runs
        .runNow(
          { period: period as string, schemeId: opts['scheme'] as string | undefined, schemeVersion, trigger: 'user', triggeredBy: user },
          { leaseTtlMs: ttl ? ttl * 1000 : undefined, beforeCommit: wait(hold), beforeWrite: wait(holdWrite) },
        )
        .catch((err: { response?: { message?: string } } & Error) => {
          throw new CliError(err.response?.message ?? err.message);
        });
      if (run.status !== 'succeeded') throw new CliError(`run ${run.id} of ${run.period} failed: ${run.error ?? 'unknown error'}`);
      if (opts['publish']) await runs.publishAs(run.id, user);
      process.stdout.write(
        `run ${run.id} of ${run.period}: ${run.status}, ${run.scoredCount}/${run.unitCount} units scored in ${run.durationMs} ms (scheme ${run.schemeId} v${run.schemeVersion})${opts['publish'] ? ', published' : ''}\n`,
      );
    } finally {
      await app.close();
    }
  },
};
