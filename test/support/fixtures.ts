import { createHash } from 'crypto';
import { cpSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { DataSource } from 'typeorm';
import { tempDir } from './databases';

/** The fixtures folder of the repository (never edited: tests work on copies). */
export const FIXTURES = resolve(__dirname, '..', 'fixtures');

/** A fresh copy of a fixture dataset folder in a temp dir, to break on purpose. */
export function copyFixture(name = 'sd-small'): string {
  const dir = join(tempDir('sci-fixture-'), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** The physical lines of a CSV file of a folder (header is index 0 = line 1). */
export function readLines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), 'utf8').replace(/\n$/, '').split('\n');
}

export function writeLines(dir: string, file: string, lines: string[]): void {
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
}

/** Rewrites one field of one data line of a CSV file (no quoted fields in the fixtures). */
export function setField(dir: string, file: string, line: number, column: string, value: string): string {
  const lines = readLines(dir, file);
  const header = lines[0].split(',');
  const idx = header.indexOf(column);
  if (idx < 0) throw new Error(`${file} has no column ${column}`);
  const cells = lines[line - 1].split(',');
  const old = cells[idx];
  cells[idx] = value;
  lines[line - 1] = cells.join(',');
  writeLines(dir, file, lines);
  return old;
}

/** The value of a field of one data line. */
export function getField(dir: string, file: string, line: number, column: string): string {
  const lines = readLines(dir, file);
  return lines[line - 1].split(',')[lines[0].split(',').indexOf(column)];
}

/** Drops a column from a CSV file (header and every row). */
export function dropColumn(dir: string, file: string, column: string): void {
  const lines = readLines(dir, file);
  const idx = lines[0].split(',').indexOf(column);
  writeLines(
    dir,
    file,
    lines.map((l) => l.split(',').filter((_c, i) => i !== idx).join(',')),
  );
}

/** The 1-based line of the first data line matching a predicate on its fields. */
export function findLine(dir: string, file: string, match: (row: Record<string, string>) => boolean): number {
  const lines = readLines(dir, file);
  const header = lines[0].split(',');
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    if (match(Object.fromEntries(header.map((h, k) => [h, cells[k]])))) return i + 1;
  }
  throw new Error(`no line of ${file} matches`);
}

/** The dataset tables with the order that makes their content comparable. */
export const DATASET_TABLES: Record<string, string> = {
  institution: 'code',
  institution_closure: 'ancestor_code, descendant_code',
  enterprise: 'uscc',
  qualification: 'uscc, kind, valid_from',
  loan: 'period, institution_code, loan_no',
  qualitative_score: 'year, institution_code, block',
  penalty: 'institution_code, decided_on, kind, reference',
  certification_application: 'year, institution_code',
  certification_decision: 'year, institution_code',
};

/**
 * Row count and a checksum of every dataset table: equal snapshots mean equal contents.
 * Values are compared as text (mysql2 returns BIGINT as strings, better-sqlite3 as numbers).
 * Surrogate ids are left out when `withIds` is false (to compare two databases).
 */
export async function snapshotTables(ds: DataSource, withIds = true): Promise<Record<string, { rows: number; sha: string }>> {
  const out: Record<string, { rows: number; sha: string }> = {};
  for (const [table, order] of Object.entries(DATASET_TABLES)) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    const h = createHash('sha256');
    for (const r of rows) {
      const { id, ...rest } = r;
      const vals = withIds && id !== undefined ? { id, ...rest } : rest;
      h.update(JSON.stringify(Object.entries(vals).map(([k, v]) => [k, v === null ? null : v instanceof Date ? v.toISOString() : String(v)])) + '\n');
    }
    out[table] = { rows: rows.length, sha: h.digest('hex') };
  }
  return out;
}

/** Columns an Excel user would type as numbers (the rest stay text: codes, dates, flags). */
const NUMERIC = new Set(['amount', 'balance', 'rate', 'score', 'tech_rm_count', 'ftp_discount_bp', 'approval_limit', 'year']);

/**
 * Writes a dataset folder as one .xlsx workbook, a sheet per file named like the file without
 * .csv, with number cells for the numeric columns. Returns the workbook's path.
 */
export async function folderToWorkbook(dir: string, files: string[], out: string): Promise<string> {
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  for (const file of files) {
    const lines = readLines(dir, file);
    const header = lines[0].split(',');
    const ws = wb.addWorksheet(file.replace(/\.csv$/, ''));
    for (const line of lines) {
      const cells = line.split(',');
      ws.addRow(cells.map((v, i) => (line !== lines[0] && NUMERIC.has(header[i]) && v !== '' ? Number(v) : v)));
    }
  }
  await wb.xlsx.writeFile(out);
  return out;
}
