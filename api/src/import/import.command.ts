import { formatImportError } from '@sci/shared';
import { existsSync, statSync } from 'fs';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { CliCommand, CliError } from '../cli/cli-command';
import { loadConfig, parseDatabaseUrl } from '../core/config/app-config';
import { openDataSource } from '../core/database/data-source';
import { DatasetRepository } from '../dataset/dataset.repository';
import { ImportRepository } from './import.repository';
import { LeaseEntity } from '../runs/lease.entity';
import { LeaseRepository } from '../runs/lease.repository';
import { ImportService } from './import.service';

/**
 * `import <dir> [--db <url>]`: imports a dataset folder (CSV files, workbooks, zips) into the
 * configured or given database, migrating it first. Prints the row counts and exits 0, or prints
 * every error line (`file:line:column: message`) and exits 1. Progress goes to stderr.
 */
export const importCommand: CliCommand = {
  name: 'import',
  description: 'import a dataset folder of the exchange format (data-format.md)',
  configure: (cmd) =>
    cmd
      .argument('<dir>', 'folder with institutions.csv, enterprises.csv, loans.csv, ... (or .xlsx / .zip)')
      .option('--db <url>', 'database URL (sqlite:<file> or mysql://...); default DATABASE_URL'),
  async run(opts, args) {
    const dir = args[0];
    if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir ?? '(none)'} is not a folder`);
    const db = opts['db'] ? parseDatabaseUrl(String(opts['db']), '--db') : loadConfig().database;
    const ds = await openDataSource(db);
    try {
      const service = new ImportService(new ImportRepository(ds), new DatasetRepository(ds), new AuditService(new AuditRepository(ds)), new LeaseRepository(ds.getRepository(LeaseEntity)));
      const started = Date.now();
      let lastLine = 0;
      const result = await service.importDirectory(dir, process.env['USER'] ? `cli:${process.env['USER']}` : 'cli', (done, total) => {
        if (Date.now() - lastLine < 1000) return;
        lastLine = Date.now();
        process.stderr.write(`import: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows read\n`);
      });
      const secs = (Date.now() - started) / 1000;
      const counts = Object.entries(result.counts).map(([file, n]) => `  ${`${file}.csv`.padEnd(20)} ${String(n).padStart(9)}\n`);
      if (result.status === 'failed') {
        for (const e of result.errors) process.stdout.write(formatImportError(e) + '\n');
        const more = result.errorCount > result.errors.length ? ` (first ${result.errors.length} shown)` : '';
        throw new CliError(`import ${result.batchId} rejected: ${result.errorCount} error(s)${more}; nothing was stored`);
      }
      const what = result.status === 'unchanged' ? 'unchanged (these files were already the last import)' : 'stored';
      process.stdout.write(`import ${result.batchId}: ${what} in ${secs.toFixed(1)} s\n${counts.join('')}`);
    } finally {
      await ds.destroy();
    }
  },
};
