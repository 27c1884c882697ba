import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { CliError } from './cli/cli-command';
import { COMMANDS } from './cli/commands';
import { ConfigError } from './core/config/app-config';

/** Entry of `npm run cli -- <command>`. */
async function main(argv: string[]): Promise<void> {
  const program = new Command('cli').description('科技金融服务效果评估与认定平台 command line').exitOverride();
  for (const c of COMMANDS) {
    const cmd = c.configure(program.command(c.name).description(c.description));
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      await c.run(command.opts(), command.args);
    });
  }
  await program.parseAsync(argv);
}

main(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    if (err instanceof CliError || err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(err instanceof CliError ? err.exitCode : 1);
    }
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
