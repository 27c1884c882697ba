import { periodDate } from '../format/period';
import type { EnterpriseRow, LoanRow, QualificationRow } from '../format/rows';
import { LoanAggregator } from './aggregate-stream';
import { borrowerStatusAt } from './borrower-status';
import type { PeriodAggregates, UnitInfo } from './types';

/**
 * The reference aggregation of one period's loan rows (spec sections 1-2): a loop over the
 * engine's streaming LoanAggregator, which the API feeds from the database.
 *
 * Aggregates of every unit at `period` over sub(u) (the unit and all its descendants), from the
 * loan rows of that period (rows of other periods are ignored, so all loans may be passed).
 * Tech and SME-tech status is decided at the period's date; a new row has issue_date >= 1 January
 * of the period's year. Distinct borrower counts are distinct uscc over the whole subtree.
 * `units` holds only units with at least one row in their subtree (a unit absent there has A = 0),
 * keyed and inserted in code order. Rows booked at a code that is not a unit are ignored.
 */
export function aggregatePeriod(
  period: string,
  units: UnitInfo[],
  loans: LoanRow[],
  enterprises: EnterpriseRow[],
  qualifications: QualificationRow[],
): PeriodAggregates {
  const aggregator = new LoanAggregator(
    period,
    units,
    borrowerStatusAt(periodDate(period), enterprises, qualifications),
  );
  for (const row of loans) if (row.period === period) aggregator.addLoan(row);
  return aggregator.result();
}
