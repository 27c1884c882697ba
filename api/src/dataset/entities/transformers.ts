import { ValueTransformer } from 'typeorm';

/**
 * BIGINT columns come back as strings from mysql2 and as numbers from better-sqlite3.
 * Money is stored in integer fen; a province's total stays far below 2^53 fen, so a JS number
 * holds it exactly.
 */
export const bigintNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)),
};

/** Booleans are TINYINT on MySQL and INTEGER on SQLite; normalise to true/false. */
export const bool: ValueTransformer = {
  to: (v: boolean | null | undefined) => (v === null || v === undefined ? v : v ? 1 : 0),
  from: (v: number | boolean | string | null) => (v === null || v === undefined ? v : v === true || Number(v) === 1),
};
