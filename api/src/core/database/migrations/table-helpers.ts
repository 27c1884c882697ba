import { TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations that must create the same schema on SQLite and MySQL/MariaDB.
 * Only portable types are used: varchar, int, bigint, smallint, text, datetime.
 */
export const col = {
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable }),
  int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({ name, type: 'int', isNullable: nullable, ...(dflt !== undefined ? { default: dflt } : {}) }),
  big: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
  flag: (name: string): TableColumnOptions => ({ name, type: 'smallint', isNullable: false }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  time: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
  /** auto-increment primary key */
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  pk: (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true }),
};
