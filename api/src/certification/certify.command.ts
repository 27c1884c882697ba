import { HttpException } from '@nestjs/common';
import { formatImportError } from '@sci/shared';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join } from 'path';
import { createCliContext } from '../bootstrap';
import { CliCommand, CliError } from '../cli/cli-command';
import { loadConfig, parseDatabaseUrl } from '../core/config/app-config';
import {
  TABULAR_FORMATS,
  TabularFormat,
  writeTable,
} from '../exports/tabular-writer';
import { ImportService } from '../import/import.service';
import { RunsService } from '../runs/runs.service';
import { ScoringDataRepository } from '../runs/scoring-data.repository';
import { readSchemeFile, SCHEME_OPTION } from '../schemes/scheme-file';
import { SchemesService } from '../schemes/schemes.service';
import { certificationExportTable } from './certification-export';
import {
  CertificationEvaluationService,
  exportRowsOf,
  fourthQuarter,
} from './certification-evaluation.service';
import { YEAR_MAX, YEAR_MIN } from './dto/year.pipe';

const ACTOR = 'cli:certify';

/** A service's HTTP exception ({ code, message }) as the one-line CLI failure. */
function asCliError(err: unknown): never {
  if (err instanceof HttpException) {
    const body = err.getResponse() as { message?: string } | string;
    throw new CliError(
      typeof body === 'string' ? body : (body.message ?? err.message),
    );
  }
  throw err;
}

/** --format, or the --out file's extension, or csv. */
function formatOf(opts: Record<string, unknown>, out: string): TabularFormat {
  const given =
    opts['format'] !== undefined
      ? String(opts['format']).toLowerCase()
      : undefined;
  const f =
    given ?? (extname(out).slice(1).toLowerCase() === 'xlsx' ? 'xlsx' : 'csv');
  if (!TABULAR_FORMATS.includes(f as TabularFormat))
    throw new CliError(
      `--format "${String(opts['format'])}" is not csv or xlsx`,
    );
  return f as TabularFormat;
}

function yearOf(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= YEAR_MIN && year <= YEAR_MAX))
    throw new CliError(
      `--year "${raw}" is not a year like 2025 (${YEAR_MIN}-${YEAR_MAX})`,
    );
  return year;
}

/**
 * `certify --data <dir> --year <YYYY> --out <file> [--format csv|xlsx]` (a fixed interface, used
 * by automated checks): imports the folder into a fresh temporary SQLite database with the full
 * validation of the import, scores Y Q4 and (Y-1) Q4 (when it has data) with the default scheme (or the --scheme file)
 * through the runs service, evaluates certification with the same service the exercise uses, and
 * writes the Certification export of data-format.md. Nothing on stdout; errors are one line on
 * stderr (plus the import's file:line:column lines) and a non-zero exit.
 */
export const certifyCommand: CliCommand = {
  name: 'certify',
  description:
    'evaluate the certification of one year of a dataset folder and write the certification export',
  configure: (cmd) =>
    cmd
      .requiredOption(
        '--data <dir>',
        'dataset folder of the exchange format (data-format.md)',
      )
      .requiredOption(
        '--year <YYYY>',
        'year of the exercise, e.g. 2025 (uses 2025Q4 and 2024Q4)',
      )
      .requiredOption('--out <file>', 'where to write the certification export')
      .option(
        '--format <csv|xlsx>',
        'file format (default: from the --out extension, else csv)',
      )
      .option(...SCHEME_OPTION),
  async run(opts) {
    const dir = String(opts['data']);
    const out = String(opts['out']);
    const year = yearOf(String(opts['year']));
    const format = formatOf(opts, out);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new CliError(`--data ${dir}: no such folder`);
    // checked before anything is imported: a bad scheme file costs nothing
    const schemeFile =
      opts['scheme'] !== undefined
        ? readSchemeFile(String(opts['scheme']))
        : null;

    const tmp = mkdtempSync(join(tmpdir(), 'sci-certify-'));
    const config = {
      ...loadConfig({ RUN_CRON: '', SEED_DEMO: 'false', WEB_DIST: '' }),
      database: parseDatabaseUrl(`sqlite:${join(tmp, 'certify.sqlite')}`),
    };
    const { app, dataSource } = await createCliContext(config);
    try {
      const imported = await app.get(ImportService).importDirectory(dir, ACTOR);
      if (imported.status === 'failed') {
        for (const e of imported.errors)
          process.stderr.write(formatImportError(e) + '\n');
        const more =
          imported.errorCount > imported.errors.length
            ? ` (first ${imported.errors.length} listed)`
            : '';
        throw new CliError(
          `invalid data in ${dir}: ${imported.errorCount} error(s)${more}; nothing was evaluated`,
        );
      }
      const data = app.get(ScoringDataRepository);
      const period = fourthQuarter(year);
      if (!(await data.hasLoans(period))) {
        const periods = await data.periodsWithData();
        throw new CliError(
          `--year ${year}: the data has no loans for ${period} (periods with data: ${periods.join(', ') || 'none'})`,
        );
      }
      const schemes = app.get(SchemesService);
      const scheme = schemeFile
        ? await schemes.register(schemeFile, ACTOR)
        : await schemes.resolve();
      const run = await app.get(RunsService).runNow({
        period,
        schemeId: scheme.schemeId,
        schemeVersion: scheme.version,
        trigger: 'user',
        triggeredBy: ACTOR,
      });
      if (run.status !== 'succeeded')
        throw new CliError(
          `scoring ${period} failed: ${run.error ?? 'unknown error'}`,
        );
      const certification = app.get(CertificationEvaluationService);
      // the temporary database has no published run, so (Y-1) Q4 is scored here, as the exercise does
      const previousRunId = await certification
        .previousRun(year, scheme, ACTOR)
        .catch(asCliError);
      const results = await certification.compute(year, {
        runId: run.id,
        previousRunId,
        scheme: scheme.scheme,
      });
      const file = await writeTable(
        certificationExportTable(year, exportRowsOf(results)),
        format,
      );
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
