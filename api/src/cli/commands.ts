import { CliCommand } from './cli-command';
import { migrateCommand } from './migrate.command';
import { evaluateCommand } from '../results/evaluate.command';
import { runCommand } from '../runs/run.command';
import { importCommand } from '../import/import.command';
import { generateCommand } from '../generator/generate.command';
import { certifyCommand } from '../certification/certify.command';

/** Every CLI command. Features append theirs. */
export const COMMANDS: CliCommand[] = [migrateCommand, importCommand, generateCommand, evaluateCommand, runCommand, certifyCommand];
