import { SIGNAL_MEASURE, type SignalDetail } from '@sci/shared';
import type { Table } from '../exports/tabular-writer';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The signals export: one row per signal, with the loan numbers that drive it. */
export function signalsExportTable(
  period: string,
  rows: SignalDetail[],
): Table {
  return {
    name: `signals-${period}`,
    columns: [
      'period',
      'institution_code',
      'name',
      'bank_code',
      'region_code',
      'kind',
      'severity',
      'measure',
      'value',
      'threshold',
      'basis',
      'amount',
      'row_count',
      'loan_nos',
    ],
    rows: rows.map((s) => [
      s.period,
      s.code,
      s.name,
      s.bankCode,
      s.regionCode,
      s.kind,
      s.severity,
      SIGNAL_MEASURE[s.kind],
      s.value,
      s.threshold,
      yuan(s.basisFen),
      yuan(s.amountFen),
      s.rowCount,
      s.rows.map((r) => r.loanNo).join(';'),
    ]),
  };
}
