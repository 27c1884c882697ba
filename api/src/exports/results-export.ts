import { CLASS_CODES } from '@sci/shared';
import type { RunResultRow } from '../runs/run-result-row';
import { Cell, Table } from './tabular-writer';

/** The Results export of data-format.md: exactly these columns, in this order. */
export const RESULTS_EXPORT_COLUMNS: readonly string[] = [
  'period',
  'institution_code',
  'level',
  'peer_group',
  ...CLASS_CODES.map((_, i) => `k${i + 1}`),
  ...CLASS_CODES.map((_, i) => `s${i + 1}`),
  'quantitative',
  'qualitative',
  'composite',
  'grade',
  'rank_level',
  'rank_peer',
  'rank_bank',
  'flags',
];

/** Export order of levels (data-format.md): city, head, outlet. */
const LEVEL_ORDER: Record<string, number> = { city: 0, head: 1, outlet: 2 };

export type ExportableResult = Omit<RunResultRow, 'detail' | 'run_id' | 'bank_code' | 'region_code'>;

/**
 * Rows of one run as the Results export: scored units only (NO_LOANS units are not rows),
 * ordered by level then institution_code (code-point order, independent of any SQL collation).
 */
export function resultsExportTable(period: string, rows: ExportableResult[]): Table {
  const scored = rows.filter((r) => r.scored === 1);
  scored.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    name: `results-${period}`,
    columns: RESULTS_EXPORT_COLUMNS,
    rows: scored.map((r): Cell[] => {
      const rec = r as unknown as Record<string, Cell>;
      return [
        r.period,
        r.code,
        r.level,
        r.peer_group,
        ...CLASS_CODES.map((_, i) => rec[`k${i + 1}`]),
        ...CLASS_CODES.map((_, i) => rec[`s${i + 1}`]),
        r.quantitative,
        r.qualitative,
        r.composite,
        r.grade,
        r.rank_level,
        r.rank_peer,
        r.rank_bank,
        r.flags,
      ];
    }),
  };
}
