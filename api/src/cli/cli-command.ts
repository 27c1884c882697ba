import { Command } from 'commander';

/**
 * A command of `npm run cli -- <name>`. Each feature defines its commands in
 * `<feature>/<feature>.command.ts` and lists them in cli/commands.ts.
 * `run` writes its own output to stdout; progress and diagnostics go to stderr, so
 * `npm run --silent cli -- <cmd>` prints only the command's output.
 * It throws CliError (or ConfigError) for a clean one-line failure with exit code 1.
 */
export interface CliCommand {
  name: string;
  description: string;
  configure(cmd: Command): Command;
  run(options: Record<string, unknown>, args: string[]): Promise<void>;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
