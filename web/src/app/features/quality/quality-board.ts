import type { QualityBoardResponse, QualityCell } from '@sci/shared';

export interface QualityRow {
  bankCode: string;
  bankName: string;
  /** one cell per period of the board (newest first); null when the bank has no figures then */
  cells: (QualityCell | null)[];
}

/** The board as rows of banks (by code) and columns of periods, newest first. */
export function qualityRows(b: QualityBoardResponse): QualityRow[] {
  const banks = new Map<string, QualityRow>();
  for (const c of b.cells) {
    let row = banks.get(c.bankCode);
    if (!row) {
      row = {
        bankCode: c.bankCode,
        bankName: c.bankName,
        cells: b.periods.map(() => null),
      };
      banks.set(c.bankCode, row);
    }
    row.cells[b.periods.indexOf(c.period)] = c;
  }
  return [...banks.values()].sort((x, y) => (x.bankCode < y.bankCode ? -1 : 1));
}
