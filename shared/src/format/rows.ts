import type {
  Decision,
  Guarantee,
  InstitutionLevel,
  PeerGroup,
  PenaltyKind,
  QualificationKind,
  QualitativeBlock,
  RiskClass,
} from './enums';

/**
 * Parsed rows of the exchange format. Money is integer fen, rates integer 1/10000 percent,
 * qualitative scores integer hundredths: exact, as the format requires.
 */
export interface InstitutionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: InstitutionLevel;
  bankCode: string;
  peerGroup: PeerGroup;
  regionCode: string;
  techSpecialist: boolean;
  openedOn: string;
}

export interface EnterpriseRow {
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string | null;
  strategicEmerging: boolean;
}

export interface QualificationRow {
  uscc: string;
  kind: QualificationKind;
  validFrom: string;
  validTo: string;
}

export interface LoanRow {
  period: string;
  loanNo: string;
  institutionCode: string;
  uscc: string;
  issueDate: string;
  maturityDate: string;
  amountFen: number;
  balanceFen: number;
  rateE4: number;
  guarantee: Guarantee;
  riskClass: RiskClass;
  firstLoan: boolean;
}

export interface QualitativeRow {
  year: number;
  institutionCode: string;
  block: QualitativeBlock;
  scoreCenti: number;
  evidence: string | null;
}

export interface PenaltyRow {
  institutionCode: string;
  decidedOn: string;
  kind: PenaltyKind;
  reference: string;
}

export interface ApplicationRow {
  year: number;
  institutionCode: string;
  designated: boolean;
  techRmCount: number;
  separateCreditPlan: boolean;
  dedicatedPricing: boolean;
  independentAccounting: boolean;
  riskTolerance: boolean;
  approvalChannel: boolean;
  performanceAssessment: boolean;
  dueDiligenceExemption: boolean;
  ftpDiscountBp: number;
  approvalLimitFen: number;
}

export interface DecisionRow {
  year: number;
  institutionCode: string;
  decision: Decision;
  reason: string | null;
}

/** One validation error, reported as `file:line:column: message`. */
export interface ImportError {
  file: string;
  /** line number in the file; the header is line 1 (0 when the error concerns the whole file) */
  line: number;
  /** the column name ('' when the error concerns the whole row or file) */
  column: string;
  /** English text (the CLI prints it) */
  message: string;
  /** stable code of shared IMPORT_MESSAGES, when the message has one: render it in the UI language */
  code?: string;
  params?: Record<string, string | number>;
}

export function formatImportError(e: ImportError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
