import { validateScheme, type Scheme } from '@sci/shared';
import { readFileSync } from 'fs';
import { CliError } from '../cli/cli-command';

/** `--scheme <file.json>` of the CLI: the option text, shared by evaluate and certify. */
export const SCHEME_OPTION = ['--scheme <file.json>', 'score with this scheme file (shape of spec/scheme-sdtf-2025.json) instead of the default'] as const;

/**
 * Reads a scheme file in the published JSON shape and checks it with the engine's own rules.
 * An unreadable file, bad JSON or an invalid scheme: every problem on its own stderr line
 * (`<file>: <path>: <message>`), then a CliError (exit code 1). Nothing is scored with it.
 */
export function readSchemeFile(path: string): Scheme {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`--scheme ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CliError(`--scheme ${path}: not JSON: ${(err as Error).message}`);
  }
  const problems = validateScheme(parsed);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`${path}: ${p}\n`);
    throw new CliError(`--scheme ${path}: ${problems.length} validation error(s); nothing was scored`);
  }
  return parsed as Scheme;
}
