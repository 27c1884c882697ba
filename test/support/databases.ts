import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { DatabaseConfig, parseDatabaseUrl } from '../../api/src/core/config/app-config';
import { dataSourceOptions, openDataSource } from '../../api/src/core/database/data-source';

/**
 * The databases an integration suite runs on: SQLite always; MySQL/MariaDB when TEST_MYSQL_URL
 * is set. Locally an absent MySQL is one line on stderr; with CI=true it is a failure.
 */
export interface TestDatabase {
  name: 'sqlite' | 'mysql';
  /** a fresh, empty, migrated database each call */
  fresh(): Promise<{ config: DatabaseConfig; dataSource: DataSource }>;
}

let warned = false;

export function testDatabases(): TestDatabase[] {
  const out: TestDatabase[] = [{ name: 'sqlite', fresh: freshSqlite }];
  const mysqlUrl = process.env['TEST_MYSQL_URL'];
  if (mysqlUrl) {
    out.push({ name: 'mysql', fresh: () => freshMysql(mysqlUrl) });
  } else if (process.env['CI'] === 'true') {
    throw new Error('CI=true but TEST_MYSQL_URL is not set: the MySQL suite must run in CI');
  } else if (!warned) {
    warned = true;
    process.stderr.write('MySQL suite skipped: TEST_MYSQL_URL is not set (set it to run on MySQL/MariaDB too)\n');
  }
  return out;
}

export function tempDir(prefix = 'sci-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function freshSqlite(): Promise<{ config: DatabaseConfig; dataSource: DataSource }> {
  const config = parseDatabaseUrl(`sqlite:${join(tempDir(), 'app.sqlite')}`);
  return { config, dataSource: await openDataSource(config) };
}

/** Drops every table of the test database, then migrates it from scratch. */
async function freshMysql(url: string): Promise<{ config: DatabaseConfig; dataSource: DataSource }> {
  const config = parseDatabaseUrl(url, 'TEST_MYSQL_URL');
  const raw = new DataSource({ ...dataSourceOptions(config), migrations: [], entities: [] } as never);
  await raw.initialize();
  const tables: { t: string }[] = await raw.query(
    'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  await raw.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { t } of tables) await raw.query(`DROP TABLE IF EXISTS \`${t}\``);
  await raw.query('SET FOREIGN_KEY_CHECKS = 1');
  await raw.destroy();
  return { config, dataSource: await openDataSource(config) };
}
