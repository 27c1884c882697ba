import {
  CHECK_CODES,
  type CertificationOutcome,
  type CheckCode,
} from '@sci/shared';
import type { Cell, Table } from '../exports/tabular-writer';

/** The Certification export of data-format.md: exactly these columns, in this order. */
export const CERTIFICATION_EXPORT_COLUMNS: readonly string[] = [
  'year',
  'institution_code',
  'outcome',
  ...CHECK_CODES,
];

export interface CertificationExportRow {
  year: number;
  code: string;
  outcome: CertificationOutcome;
  passes: Record<CheckCode, boolean>;
}

/** One row per unit checked in the year, ordered by institution_code (code-point order, independent of any SQL collation), checks Y/N. */
export function certificationExportTable(
  year: number,
  rows: CertificationExportRow[],
): Table {
  const sorted = [...rows].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return {
    name: `certification-${year}`,
    columns: CERTIFICATION_EXPORT_COLUMNS,
    rows: sorted.map((r): Cell[] => [
      r.year,
      r.code,
      r.outcome,
      ...CHECK_CODES.map((c) => (r.passes[c] ? 'Y' : 'N')),
    ]),
  };
}
