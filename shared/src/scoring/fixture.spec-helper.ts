import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'csv-parse/sync';
import type {
  ApplicationRow,
  DecisionRow,
  EnterpriseRow,
  LoanRow,
  PenaltyRow,
  QualificationRow,
  QualitativeRow,
} from '../format/rows';
import type {
  Decision,
  Guarantee,
  InstitutionLevel,
  PeerGroup,
  PenaltyKind,
  QualificationKind,
  QualitativeBlock,
  RiskClass,
} from '../format/enums';
import type { UnitInfo } from './types';

/**
 * Test-only reader of an exchange-format dataset (data-format.md) into the engine's row types.
 * It trusts the files (the fixtures are valid); the import validation lives in the API.
 */

export const FIXTURE_DIR = resolve(__dirname, '../../../test/fixtures/sd-small');
export const EXPECTED_DIR = resolve(__dirname, '../../../test/fixtures/sd-small-expected');

export type CsvRecord = Record<string, string>;

export function readCsv(path: string): CsvRecord[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as CsvRecord[];
}

/** A decimal string with at most `places` decimals as an exact integer of 10^-places units. */
export function decimalToInt(s: string, places: number): number {
  const negative = s.startsWith('-');
  const [whole, frac = ''] = (negative ? s.slice(1) : s).split('.');
  if (frac.length > places) throw new Error(`too many decimals: ${s}`);
  const n = Number(whole) * 10 ** places + Number(frac.padEnd(places, '0') || '0');
  return negative ? -n : n;
}

const yes = (s: string): boolean => s === 'Y';

export interface Dataset {
  units: UnitInfo[];
  enterprises: EnterpriseRow[];
  qualifications: QualificationRow[];
  loans: LoanRow[];
  qualitative: QualitativeRow[];
  penalties: PenaltyRow[];
  applications: ApplicationRow[];
  decisions: DecisionRow[];
}

export function loadDataset(dir: string): Dataset {
  const file = (name: string): CsvRecord[] => readCsv(resolve(dir, `${name}.csv`));
  return {
    units: file('institutions').map((r) => ({
      code: r['code'],
      name: r['name'],
      parentCode: r['parent_code'] || null,
      level: r['level'] as InstitutionLevel,
      bankCode: r['bank_code'],
      peerGroup: r['peer_group'] as PeerGroup,
      regionCode: r['region_code'],
    })),
    enterprises: file('enterprises').map((r) => ({
      uscc: r['uscc'],
      name: r['name'],
      regionCode: r['region_code'],
      industryCode: r['industry_code'] || null,
      strategicEmerging: yes(r['strategic_emerging']),
    })),
    qualifications: file('qualifications').map((r) => ({
      uscc: r['uscc'],
      kind: r['kind'] as QualificationKind,
      validFrom: r['valid_from'],
      validTo: r['valid_to'],
    })),
    loans: file('loans').map((r) => ({
      period: r['period'],
      loanNo: r['loan_no'],
      institutionCode: r['institution_code'],
      uscc: r['uscc'],
      issueDate: r['issue_date'],
      maturityDate: r['maturity_date'],
      amountFen: decimalToInt(r['amount'], 2),
      balanceFen: decimalToInt(r['balance'], 2),
      rateE4: decimalToInt(r['rate'], 4),
      guarantee: r['guarantee'] as Guarantee,
      riskClass: r['risk_class'] as RiskClass,
      firstLoan: yes(r['first_loan']),
    })),
    qualitative: file('qualitative').map((r) => ({
      year: Number(r['year']),
      institutionCode: r['institution_code'],
      block: r['block'] as QualitativeBlock,
      scoreCenti: decimalToInt(r['score'], 2),
      evidence: r['evidence'] || null,
    })),
    penalties: file('penalties').map((r) => ({
      institutionCode: r['institution_code'],
      decidedOn: r['decided_on'],
      kind: r['kind'] as PenaltyKind,
      reference: r['reference'],
    })),
    applications: file('applications').map((r) => ({
      year: Number(r['year']),
      institutionCode: r['institution_code'],
      designated: yes(r['designated']),
      techRmCount: Number(r['tech_rm_count']),
      separateCreditPlan: yes(r['separate_credit_plan']),
      dedicatedPricing: yes(r['dedicated_pricing']),
      independentAccounting: yes(r['independent_accounting']),
      riskTolerance: yes(r['risk_tolerance']),
      approvalChannel: yes(r['approval_channel']),
      performanceAssessment: yes(r['performance_assessment']),
      dueDiligenceExemption: yes(r['due_diligence_exemption']),
      ftpDiscountBp: Number(r['ftp_discount_bp']),
      approvalLimitFen: decimalToInt(r['approval_limit'], 2),
    })),
    decisions: file('decisions').map((r) => ({
      year: Number(r['year']),
      institutionCode: r['institution_code'],
      decision: r['decision'] as Decision,
      reason: r['reason'] || null,
    })),
  };
}

/** Numbers compared within 1e-6 relative, absolute for values near 0 (spec section 1). */
export function closeTo(actual: number, expected: number, tol = 1e-6): boolean {
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}
