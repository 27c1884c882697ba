import type { LoanRow } from '../format/rows';
import { emptyAggregate } from './indicators';
import type { Scheme } from './scheme';
import { SCHEME_SDTF_2025 } from './scheme-sdtf-2025';
import type { UnitInfo, UnitLoanAggregate } from './types';

/** Test builders: small explicit objects with defaults, so each case states only what matters. */

export const SCHEME: Scheme = SCHEME_SDTF_2025;

export function aggregate(
  code: string,
  fields: Partial<UnitLoanAggregate> = {},
): UnitLoanAggregate {
  return { ...emptyAggregate(code), rowCount: 1, ...fields };
}

export function unit(code: string, fields: Partial<UnitInfo> = {}): UnitInfo {
  return { code, parentCode: null, level: 'city', bankCode: 'B', peerGroup: 'state', ...fields };
}

export function loan(fields: Partial<LoanRow> = {}): LoanRow {
  return {
    period: '2025Q2',
    loanNo: 'L1',
    institutionCode: 'OUT1',
    uscc: 'E1',
    issueDate: '2024-06-01',
    maturityDate: '2025-06-01',
    amountFen: 100000,
    balanceFen: 100000,
    rateE4: 30000,
    guarantee: 'collateral',
    riskClass: 'normal',
    firstLoan: false,
    ...fields,
  };
}
