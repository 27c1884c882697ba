import { loadConfig, parseDatabaseUrl } from '../core/config/app-config';
import { openDataSource } from '../core/database/data-source';
import { CliCommand } from './cli-command';

/** `migrate [--db <url>]`: brings a database's schema up to date and lists what ran. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  description: 'run the schema migrations on the configured (or given) database',
  configure: (cmd) => cmd.option('--db <url>', 'database URL (sqlite:<file> or mysql://...)'),
  async run(opts) {
    const db = opts['db'] ? parseDatabaseUrl(String(opts['db']), '--db') : loadConfig().database;
    const ds = await openDataSource(db, { migrate: false });
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(ran.length ? ran.map((m) => `migrated ${m.name}\n`).join('') : 'schema is up to date\n');
    } finally {
      await ds.destroy();
    }
  },
};

