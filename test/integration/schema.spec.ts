import { DataSource } from 'typeorm';
import { testDatabases } from '../support/databases';

/**
 * The same migrations must create the same schema on SQLite and MySQL/MariaDB: same tables,
 * same columns (name, portable type, nullability), same primary keys and indexes.
 */
interface ColumnShape {
  name: string;
  type: string;
  nullable: boolean;
}
type Shape = Record<string, { columns: ColumnShape[]; primary: string[]; indexes: string[] }>;

/** Maps driver type names to a portable family so 'int' and 'integer' compare equal. */
function family(t: string): string {
  const x = t.toLowerCase().replace(/\(.*\)/, '').replace(/ unsigned/, '').trim();
  if (['int', 'integer', 'mediumint'].includes(x)) return 'int';
  if (['smallint', 'tinyint'].includes(x)) return 'smallint';
  if (['varchar', 'character varying', 'nvarchar'].includes(x)) return 'varchar';
  if (['text', 'longtext', 'mediumtext'].includes(x)) return 'text';
  if (['datetime', 'timestamp'].includes(x)) return 'datetime';
  return x;
}

async function shapeOf(ds: DataSource): Promise<Shape> {
  const qr = ds.createQueryRunner();
  try {
    const rows: { t: string }[] =
      ds.options.type === 'mysql'
        ? await ds.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()')
        : await ds.query("SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    const names = rows.map((r) => r.t);
    const tables = await qr.getTables(names);
    const shape: Shape = {};
    for (const t of tables) {
      const name = t.name.split('.').pop()!;
      if (name === 'migrations' || name === 'typeorm_metadata') continue;
      shape[name] = {
        columns: t.columns
          .map((c) => ({ name: c.name, type: family(c.type), nullable: c.isNullable }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        primary: t.columns.filter((c) => c.isPrimary).map((c) => c.name).sort(),
        indexes: t.indices
          .map((i) => `${i.isUnique ? 'unique ' : ''}${[...i.columnNames].join(',')}`)
          .sort(),
      };
    }
    return shape;
  } finally {
    await qr.release();
  }
}

describe('schema', () => {
  const dbs = testDatabases();

  it('should create the same tables, columns, keys and indexes on every database', async () => {
    const shapes: [string, Shape][] = [];
    for (const db of dbs) {
      const { dataSource } = await db.fresh();
      shapes.push([db.name, await shapeOf(dataSource)]);
      await dataSource.destroy();
    }
    const [first] = shapes;
    expect(Object.keys(first[1]).length).toBeGreaterThanOrEqual(10);
    for (const [, other] of shapes.slice(1)) expect(other).toEqual(first[1]);
  });

  it('should run every migration and revert them cleanly on every database', async () => {
    for (const db of dbs) {
      const { dataSource } = await db.fresh();
      expect(await dataSource.showMigrations()).toBe(false);
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
      const left = Object.keys(await shapeOf(dataSource));
      expect(left).toEqual([]);
      await dataSource.destroy();
    }
  });
});
