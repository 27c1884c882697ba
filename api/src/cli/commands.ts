import { CliCommand } from './cli-command';
import { migrateCommand } from './migrate.command';

/** Every CLI command. Features append theirs. */
export const COMMANDS: CliCommand[] = [migrateCommand];
