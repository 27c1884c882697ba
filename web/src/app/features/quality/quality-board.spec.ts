import type { QualityBoardResponse, QualityCell } from '@sci/shared';
import { qualityRows } from './quality-board';

const cell = (bankCode: string, period: string): QualityCell => ({
  period,
  bankCode,
  bankName: `${bankCode} name`,
  rows: 1,
  balanceFen: 1,
  techBalanceFen: 0,
  techSharePct: 0,
  borrowers: 1,
  borrowersMissingAttributes: 0,
  units: 1,
  unitsWithoutRows: [],
  unitsWithoutQualitative: [],
  change: { rows: null, balance: null, techBalance: null },
  marks: [],
});

describe(qualityRows.name, () => {
  it('should lay the cells out as banks by periods, with gaps where a bank has no figures', () => {
    const board: QualityBoardResponse = {
      periods: ['2025Q4', '2025Q3'],
      cells: [
        cell('QDB', '2025Q3'),
        cell('ICBC', '2025Q3'),
        cell('ICBC', '2025Q4'),
      ],
      thresholds: {
        balanceChangePct: 30,
        techBalanceChangePct: 30,
        rowsChangePct: 30,
        missingAttributesPct: 10,
      },
    };
    const rows = qualityRows(board);
    expect(rows.map((r) => r.bankCode)).toEqual(['ICBC', 'QDB']);
    expect(rows[0].cells.map((c) => c?.period)).toEqual(['2025Q4', '2025Q3']);
    expect(rows[1].cells.map((c) => c?.period ?? null)).toEqual([
      null,
      '2025Q3',
    ]);
  });
});
