import { formatImportError, isPeriod } from '@sci/shared';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join } from 'path';
import { createCliContext } from '../bootstrap';
import { CliCommand, CliError } from '../cli/cli-command';
import { systemScope } from '../core/auth/scope';
import { loadConfig, parseDatabaseUrl } from '../core/config/app-config';
import { TABULAR_FORMATS, TabularFormat } from '../exports/tabular-writer';
import { ImportService } from '../import/import.service';
import { RunsService } from '../runs/runs.service';
import { ScoringDataRepository } from '../runs/scoring-data.repository';
import { readSchemeFile, SCHEME_OPTION } from '../schemes/scheme-file';
import { SchemesService } from '../schemes/schemes.service';
import { ResultsExportService } from './results-export.service';

/** --format, or the --out file's extension, or csv. */
function formatOf(opts: Record<string, unknown>, out: string): TabularFormat {
  const f = opts['format'] !== undefined ? String(opts['format']).toLowerCase() : extname(out).slice(1).toLowerCase() === 'xlsx' ? 'xlsx' : 'csv';
  if (!TABULAR_FORMATS.includes(f as TabularFormat)) throw new CliError(`--format "${String(opts['format'])}" is not csv or xlsx`);
  return f as TabularFormat;
}

/**
 * `evaluate --data <dir> --period <YYYYQn> --out <file> [--format csv|xlsx] [--scheme <file.json>]` (a fixed interface,
 * used by automated checks): imports the folder into a fresh temporary SQLite database with the
 * full validation of the import, scores the period (history and baseline come from the earlier
 * periods' data) with the default scheme or the --scheme file, and writes the Results export of data-format.md. Nothing on stdout; errors are
 * one line on stderr (plus the import's file:line:column lines) and a non-zero exit.
 */
export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  description: 'score one period of a dataset folder and write the results export',
  configure: (cmd) =>
    cmd
      .requiredOption('--data <dir>', 'dataset folder of the exchange format (data-format.md)')
      .requiredOption('--period <YYYYQn>', 'period to score, e.g. 2025Q4')
      .requiredOption('--out <file>', 'where to write the results export')
      .option('--format <csv|xlsx>', 'file format (default: from the --out extension, else csv)')
      .option(...SCHEME_OPTION),
  async run(opts) {
    const dir = String(opts['data']);
    const period = String(opts['period']);
    const out = String(opts['out']);
    const format = formatOf(opts, out);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`--data ${dir}: no such folder`);
    if (!isPeriod(period)) throw new CliError(`--period "${period}" is not a period like 2025Q4`);
    // checked before anything is imported: a bad scheme file costs nothing
    const schemeFile = opts['scheme'] !== undefined ? readSchemeFile(String(opts['scheme'])) : null;

    const tmp = mkdtempSync(join(tmpdir(), 'sci-evaluate-'));
    const config = { ...loadConfig({ RUN_CRON: '', SEED_DEMO: 'false', WEB_DIST: '' }), database: parseDatabaseUrl(`sqlite:${join(tmp, 'evaluate.sqlite')}`) };
    const { app, dataSource } = await createCliContext(config);
    try {
      const imported = await app.get(ImportService).importDirectory(dir, 'cli:evaluate');
      if (imported.status === 'failed') {
        for (const e of imported.errors) process.stderr.write(formatImportError(e) + '\n');
        const more = imported.errorCount > imported.errors.length ? ` (first ${imported.errors.length} listed)` : '';
        throw new CliError(`invalid data in ${dir}: ${imported.errorCount} error(s)${more}; nothing was scored`);
      }
      const data = app.get(ScoringDataRepository);
      if (!(await data.hasLoans(period))) {
        const periods = await data.periodsWithData();
        throw new CliError(`--period ${period}: the data has no loans for it (periods with data: ${periods.join(', ') || 'none'})`);
      }
      const scheme = schemeFile ? await app.get(SchemesService).register(schemeFile, 'cli:evaluate') : null;
      const run = await app.get(RunsService).runNow({
        period,
        schemeId: scheme?.schemeId,
        schemeVersion: scheme?.version,
        trigger: 'user',
        triggeredBy: 'cli:evaluate',
      });
      if (run.status !== 'succeeded') throw new CliError(`scoring ${period} failed: ${run.error ?? 'unknown error'}`);
      const file = await app.get(ResultsExportService).export(systemScope('cli:evaluate'), { runId: run.id, format }, false);
      try {
        writeFileSync(out, file.body);
      } catch (err) {
        throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
      }
    } finally {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
