import {
  ApplicationRow,
  DatasetFile,
  DECISIONS,
  DecisionRow,
  EnterpriseRow,
  GUARANTEES,
  ImportCodedMessage,
  importMessage,
  INSTITUTION_LEVELS,
  InstitutionRow,
  LoanRow,
  PEER_GROUPS,
  PENALTY_KINDS,
  PenaltyRow,
  periodDate,
  QUALIFICATION_KINDS,
  QualificationRow,
  QUALITATIVE_BLOCKS,
  QualitativeRow,
  RISK_CLASSES,
} from '@sci/shared';
import * as f from './fields';

/**
 * The columns of each file of the exchange format (data-format.md) with their parsers, the
 * checks across fields of one row, and the key that must be unique within the file.
 * `build` gets the parsed values in column order and reports a cross-field problem through
 * `fail(column, message)`, returning null for a rejected row.
 */
export interface ColumnSpec {
  name: string;
  parse: (raw: string) => unknown;
}

/** Reports a problem of the row; returns false so `ok = fail(...)` reads naturally. */
export type Fail = (column: string, message: ImportCodedMessage) => false;

export interface FileSpec<T> {
  dataset: DatasetFile;
  columns: ColumnSpec[];
  build(v: unknown[], fail: Fail): T | null;
  key(row: T): string;
  /** the column a duplicate key is reported on */
  keyColumn: string;
  /** the message of a row whose key an earlier line (`line`) of the file has already */
  duplicate(row: T, line: number): ImportCodedMessage;
}

const c = (name: string, parse: (raw: string) => unknown): ColumnSpec => ({ name, parse });

/** Rates are stored in 1/10000 percent: 36 % is 360000. */
const RATE_LIMIT_E4 = 36 * 10000;
const SCORE_MAX_CENTI = 100 * 100;
/** period -> its date; a batch holds a handful of periods */
const PERIOD_DATES = new Map<string, string>();

export const INSTITUTIONS: FileSpec<InstitutionRow> = {
  dataset: 'institutions',
  columns: [
    c('code', f.code),
    c('name', f.text(100)),
    c('parent_code', f.optionalCode),
    c('level', f.oneOf(INSTITUTION_LEVELS)),
    c('bank_code', f.code),
    c('peer_group', f.oneOf(PEER_GROUPS)),
    c('region_code', f.region),
    c('tech_specialist', f.flag),
    c('opened_on', f.date),
  ],
  build(v, fail) {
    const row = {
      code: v[0],
      name: v[1],
      parentCode: v[2],
      level: v[3],
      bankCode: v[4],
      peerGroup: v[5],
      regionCode: v[6],
      techSpecialist: v[7],
      openedOn: v[8],
    } as InstitutionRow;
    let ok = true;
    if (row.level === 'head') {
      if (row.parentCode !== null) ok = fail('parent_code', importMessage('HEAD_PARENT_NOT_EMPTY'));
      if (row.bankCode !== row.code) ok = fail('bank_code', importMessage('HEAD_BANK_CODE_OWN', { code: row.code }));
    } else if (row.parentCode === null) {
      ok = fail('parent_code', importMessage('PARENT_REQUIRED', { level: row.level }));
    } else if (row.parentCode === row.code) {
      ok = fail('parent_code', importMessage('OWN_PARENT'));
    }
    return ok ? row : null;
  },
  key: (r) => r.code,
  keyColumn: 'code',
  duplicate: (r, line) => importMessage('DUPLICATE_UNIT', { code: r.code, line }),
};

export const ENTERPRISES: FileSpec<EnterpriseRow> = {
  dataset: 'enterprises',
  columns: [c('uscc', f.uscc), c('name', f.text(200)), c('region_code', f.region), c('industry_code', f.industry), c('strategic_emerging', f.flag)],
  build: (v) => ({ uscc: v[0], name: v[1], regionCode: v[2], industryCode: v[3], strategicEmerging: v[4] }) as EnterpriseRow,
  key: (r) => r.uscc,
  keyColumn: 'uscc',
  duplicate: (r, line) => importMessage('DUPLICATE_ENTERPRISE', { uscc: r.uscc, line }),
};

export const QUALIFICATIONS: FileSpec<QualificationRow> = {
  dataset: 'qualifications',
  columns: [c('uscc', f.uscc), c('kind', f.oneOf(QUALIFICATION_KINDS)), c('valid_from', f.date), c('valid_to', f.date)],
  build(v, fail) {
    const row = { uscc: v[0], kind: v[1], validFrom: v[2], validTo: v[3] } as QualificationRow;
    if (row.validTo < row.validFrom) {
      fail('valid_to', importMessage('VALID_TO_BEFORE_FROM', { validTo: row.validTo, validFrom: row.validFrom }));
      return null;
    }
    return row;
  },
  key: (r) => `${r.uscc}|${r.kind}|${r.validFrom}`,
  keyColumn: 'valid_from',
  duplicate: (r, line) => importMessage('DUPLICATE_LISTING', { uscc: r.uscc, kind: r.kind, validFrom: r.validFrom, line }),
};

export const LOANS: FileSpec<LoanRow> = {
  dataset: 'loans',
  columns: [
    c('period', f.period),
    c('loan_no', f.text(64)),
    c('institution_code', f.code),
    c('uscc', f.uscc),
    c('issue_date', f.date),
    c('maturity_date', f.date),
    c('amount', f.money),
    c('balance', f.money),
    c('rate', f.rate),
    c('guarantee', f.oneOf(GUARANTEES)),
    c('risk_class', f.oneOf(RISK_CLASSES)),
    c('first_loan', f.flag),
  ],
  build(v, fail) {
    const row: LoanRow = {
      period: v[0] as string,
      loanNo: v[1] as string,
      institutionCode: v[2] as string,
      uscc: v[3] as string,
      issueDate: v[4] as string,
      maturityDate: v[5] as string,
      amountFen: v[6] as number,
      balanceFen: v[7] as number,
      rateE4: v[8] as number,
      guarantee: v[9] as LoanRow['guarantee'],
      riskClass: v[10] as LoanRow['riskClass'],
      firstLoan: v[11] as boolean,
    };
    let ok = true;
    const d = PERIOD_DATES.get(row.period) ?? PERIOD_DATES.set(row.period, periodDate(row.period)).get(row.period)!;
    if (row.issueDate > d) ok = fail('issue_date', importMessage('ISSUE_AFTER_PERIOD', { issueDate: row.issueDate, periodDate: d, period: row.period }));
    if (row.maturityDate <= row.issueDate) ok = fail('maturity_date', importMessage('MATURITY_NOT_AFTER_ISSUE', { maturityDate: row.maturityDate, issueDate: row.issueDate }));
    if (row.amountFen <= 0) ok = fail('amount', importMessage('AMOUNT_NOT_POSITIVE', { amount: f.yuan(row.amountFen) }));
    if (row.balanceFen < 0) ok = fail('balance', importMessage('AMOUNT_NEGATIVE', { amount: f.yuan(row.balanceFen) }));
    else if (row.balanceFen > row.amountFen && row.amountFen > 0) {
      ok = fail('balance', importMessage('BALANCE_OVER_AMOUNT', { balance: f.yuan(row.balanceFen), amount: f.yuan(row.amountFen) }));
    }
    if (row.rateE4 < 0 || row.rateE4 >= RATE_LIMIT_E4) ok = fail('rate', importMessage('RATE_OUT_OF_RANGE', { rate: row.rateE4 / 10000 }));
    return ok ? row : null;
  },
  key: (r) => `${r.period}|${r.institutionCode}|${r.loanNo}`,
  keyColumn: 'loan_no',
  duplicate: (r, line) => importMessage('DUPLICATE_LOAN', { loanNo: r.loanNo, code: r.institutionCode, period: r.period, line }),
};

export const QUALITATIVE: FileSpec<QualitativeRow> = {
  dataset: 'qualitative',
  columns: [c('year', f.year), c('institution_code', f.code), c('block', f.oneOf(QUALITATIVE_BLOCKS)), c('score', f.score), c('evidence', f.optionalText)],
  build(v, fail) {
    const row = { year: v[0], institutionCode: v[1], block: v[2], scoreCenti: v[3], evidence: v[4] } as QualitativeRow;
    if (row.scoreCenti < 0 || row.scoreCenti > SCORE_MAX_CENTI) {
      fail('score', importMessage('SCORE_OUT_OF_RANGE', { score: row.scoreCenti / 100 }));
      return null;
    }
    return row;
  },
  key: (r) => `${r.year}|${r.institutionCode}|${r.block}`,
  keyColumn: 'block',
  duplicate: (r, line) => importMessage('DUPLICATE_SCORE', { block: r.block, code: r.institutionCode, year: r.year, line }),
};

export const PENALTIES: FileSpec<PenaltyRow> = {
  dataset: 'penalties',
  columns: [c('institution_code', f.code), c('decided_on', f.date), c('kind', f.oneOf(PENALTY_KINDS)), c('reference', f.text(100))],
  build: (v) => ({ institutionCode: v[0], decidedOn: v[1], kind: v[2], reference: v[3] }) as PenaltyRow,
  key: (r) => `${r.institutionCode}|${r.decidedOn}|${r.kind}|${r.reference}`,
  keyColumn: 'reference',
  duplicate: (r, line) => importMessage('DUPLICATE_FINDING', { reference: r.reference, code: r.institutionCode, line }),
};

const APPLICATION_FLAGS = [
  'separate_credit_plan',
  'dedicated_pricing',
  'independent_accounting',
  'risk_tolerance',
  'approval_channel',
  'performance_assessment',
  'due_diligence_exemption',
];

export const APPLICATIONS: FileSpec<ApplicationRow> = {
  dataset: 'applications',
  columns: [
    c('year', f.year),
    c('institution_code', f.code),
    c('designated', f.flag),
    c('tech_rm_count', f.count),
    ...APPLICATION_FLAGS.map((n) => c(n, f.flag)),
    c('ftp_discount_bp', f.count),
    c('approval_limit', f.money),
  ],
  build(v, fail) {
    const row: ApplicationRow = {
      year: v[0] as number,
      institutionCode: v[1] as string,
      designated: v[2] as boolean,
      techRmCount: v[3] as number,
      separateCreditPlan: v[4] as boolean,
      dedicatedPricing: v[5] as boolean,
      independentAccounting: v[6] as boolean,
      riskTolerance: v[7] as boolean,
      approvalChannel: v[8] as boolean,
      performanceAssessment: v[9] as boolean,
      dueDiligenceExemption: v[10] as boolean,
      ftpDiscountBp: v[11] as number,
      approvalLimitFen: v[12] as number,
    };
    if (row.approvalLimitFen < 0) {
      fail('approval_limit', importMessage('AMOUNT_NEGATIVE', { amount: f.yuan(row.approvalLimitFen) }));
      return null;
    }
    return row;
  },
  key: (r) => `${r.year}|${r.institutionCode}`,
  keyColumn: 'institution_code',
  duplicate: (r, line) => importMessage('DUPLICATE_APPLICATION', { code: r.institutionCode, year: r.year, line }),
};

export const DECISIONS_SPEC: FileSpec<DecisionRow> = {
  dataset: 'decisions',
  columns: [c('year', f.year), c('institution_code', f.code), c('decision', f.oneOf(DECISIONS)), c('reason', f.optionalText)],
  build(v, fail) {
    const row = { year: v[0], institutionCode: v[1], decision: v[2], reason: v[3] } as DecisionRow;
    if (row.decision === 'reject' && (row.reason === null || row.reason.trim() === '')) {
      {
      fail('reason', importMessage('REJECT_REASON_REQUIRED'));
      return null;
    }
    }
    return row;
  },
  key: (r) => `${r.year}|${r.institutionCode}`,
  keyColumn: 'institution_code',
  duplicate: (r, line) => importMessage('DUPLICATE_DECISION', { code: r.institutionCode, year: r.year, line }),
};

export const FILE_SPECS: Record<DatasetFile, FileSpec<unknown>> = {
  institutions: INSTITUTIONS,
  enterprises: ENTERPRISES,
  qualifications: QUALIFICATIONS,
  loans: LOANS,
  qualitative: QUALITATIVE,
  penalties: PENALTIES,
  applications: APPLICATIONS,
  decisions: DECISIONS_SPEC,
} as Record<DatasetFile, FileSpec<unknown>>;
