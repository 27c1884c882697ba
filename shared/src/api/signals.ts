import type { RiskClass } from '../format/enums';
import type { RunResponse } from './runs';

/** The integrity signals of issue 13, each computed per booking unit from loan snapshots. */
export const SIGNAL_KINDS = [
  'window_dressing',
  'window_dressing_exit',
  'first_loan_claim',
  'tech_label_timing',
  'quarter_end_cure',
  'pricing_outlier',
  'concentration',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_SEVERITIES = ['medium', 'high'] as const;
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];

/** What a signal's value measures: a percentage of a base, or a count of loans. */
export type SignalMeasure = 'pct' | 'count';

/** The measure of each kind (one home: the API, the export and the web read it from here). */
export const SIGNAL_MEASURE: Record<SignalKind, SignalMeasure> = {
  window_dressing: 'pct',
  window_dressing_exit: 'pct',
  first_loan_claim: 'count',
  tech_label_timing: 'pct',
  quarter_end_cure: 'count',
  pricing_outlier: 'pct',
  concentration: 'pct',
};

/** A loan row behind a signal, as it stands at the signal's period (money in fen, rate in 1/10000 %). */
export interface SignalLoanRef {
  loanNo: string;
  uscc: string;
  issueDate: string;
  maturityDate: string;
  amountFen: number;
  balanceFen: number;
  rateE4: number;
  riskClass: RiskClass;
  /** the fact that makes the row count, e.g. "next: absent", "prev: doubtful, next: loss", "first listed 2025-12-20" */
  note: string;
}

export interface SignalItem {
  id: number;
  runId: number;
  period: string;
  kind: SignalKind;
  code: string;
  name: string;
  bankCode: string;
  regionCode: string;
  severity: SignalSeverity;
  measure: SignalMeasure;
  value: number;
  threshold: number;
  /** the base of a pct measure (S or the quarter's new tech amount), in fen; 0 for counts */
  basisFen: number;
  /** balance (or amount) of the driving rows, in fen */
  amountFen: number;
  /** number of driving rows (rows lists at most SIGNAL_ROWS_KEPT of them, largest first) */
  rowCount: number;
}

export interface SignalDetail extends SignalItem {
  rows: SignalLoanRef[];
}

export const SIGNAL_ROWS_KEPT = 50;

export const SIGNAL_SORT_KEYS = [
  'severity',
  'value',
  'code',
  'kind',
  'amount',
] as const;
export type SignalSortKey = (typeof SIGNAL_SORT_KEYS)[number];

export interface SignalsQuery {
  period?: string;
  runId?: number;
  kind?: SignalKind;
  bank?: string;
  city?: string;
  severity?: SignalSeverity;
  code?: string;
  sort?: SignalSortKey;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface SignalsPageResponse {
  run: RunResponse;
  items: SignalItem[];
  total: number;
  page: number;
  pageSize: number;
  /** counts per kind in the caller's scope, before the kind filter (for the filter chips) */
  byKind: Record<SignalKind, number>;
}

export interface UnitSignalsResponse {
  run: RunResponse;
  code: string;
  items: SignalDetail[];
}

/** One bank × period cell group of the quality board. Money in fen. */
export interface QualityCell {
  period: string;
  bankCode: string;
  bankName: string;
  rows: number;
  balanceFen: number;
  techBalanceFen: number;
  /** 100 * tech / total, null without rows */
  techSharePct: number | null;
  borrowers: number;
  /** borrowers with no industry code in their enterprise record */
  borrowersMissingAttributes: number;
  /** booking units (city, outlet) of the bank */
  units: number;
  unitsWithoutRows: string[];
  unitsWithoutQualitative: string[];
  /** % change against the bank's previous quarter on the board; null when there is none */
  change: {
    rows: number | null;
    balance: number | null;
    techBalance: number | null;
  };
  /** cells that cross the scheme's quality thresholds */
  marks: QualityMark[];
}

export type QualityMark =
  | 'rows'
  | 'balance'
  | 'techBalance'
  | 'missingAttributes'
  | 'unitsWithoutRows'
  | 'unitsWithoutQualitative';

export interface QualityBoardResponse {
  periods: string[];
  cells: QualityCell[];
  thresholds: {
    balanceChangePct: number;
    techBalanceChangePct: number;
    rowsChangePct: number;
    missingAttributesPct: number;
  };
}

export interface SignalsComputedResponse {
  runId: number;
  period: string;
  signalCount: number;
  durationMs: number;
}
