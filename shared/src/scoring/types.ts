import type { CheckCode, ClassCode, Flag, Grade, InstitutionLevel, PeerGroup } from '../format/enums';
import type { ApplicationRow, PenaltyRow, QualitativeRow } from '../format/rows';

/**
 * Contracts of the scoring engine (../shared/spec/scoring.md). The engine is pure: it gets plain
 * data for one period and returns one result per unit. How the data is loaded (SQL aggregation
 * in the API, or the reference aggregation in aggregate.ts) is not its business.
 */

/** A unit of the tree (institutions.csv), as the engine needs it. */
export interface UnitInfo {
  code: string;
  name?: string;
  parentCode: string | null;
  level: InstitutionLevel;
  bankCode: string;
  peerGroup: PeerGroup;
  regionCode?: string;
}

/**
 * Loan aggregates over sub(u) (the unit and all its descendants) at one period, spec section 1-2.
 * Money in integer fen (exact sums); rate sums are sum(amount_fen * rate_e4) where
 * rate_e4 = rate percent * 10000. "tech" = borrower is a tech borrower at the period's date.
 * A unit with no rows at the period has no aggregate (treated as all zeros / A = 0).
 */
export interface UnitLoanAggregate {
  code: string;
  /** rows of sub(u) at the period (any balance); 0 when none */
  rowCount: number;
  /** A: balance of all rows */
  balanceAll: number;
  /** S: balance of tech rows */
  balanceTech: number;
  /** balance of tech rows whose borrower is SME-tech at the date (K4 numerator) */
  balanceTechSme: number;
  /** balance of tech rows with guarantee credit or ip_pledge (K7 numerator) */
  balanceTechCreditIp: number;
  /** balance of long-term tech rows (K8 numerator) */
  balanceTechLong: number;
  /** balance of NPL tech rows (K10 numerator) */
  balanceTechNpl: number;
  /** balance of NPL rows, all borrowers (NA numerator) */
  balanceAllNpl: number;
  /** K5: distinct uscc of tech rows with balance > 0 */
  techBorrowers: number;
  /** BA: distinct uscc of all rows with balance > 0 */
  allBorrowers: number;
  /** K6 denominator: distinct tech borrowers with a new (year-to-date) row */
  newTechBorrowers: number;
  /** K6 numerator: distinct tech borrowers with a new row flagged first_loan = Y */
  newTechFirstBorrowers: number;
  /**
   * K9: sum of amount of new tech rows, and sum of amount_fen * rate_e4 of them. The rate sums
   * pass 2^53 on real data: sum exactly (BigInt / SQL integer) and round once to a double.
   */
  newTechAmount: number;
  newTechRateAmount: number;
  /** K9: the same over all new rows */
  newAllAmount: number;
  newAllRateAmount: number;
}

/** Loan aggregates of every unit at one period. `hasData` false: no loan rows at all that period. */
export interface PeriodAggregates {
  period: string;
  hasData: boolean;
  units: Record<string, UnitLoanAggregate>;
}

/** Everything the engine needs to score one period. */
export interface ScoringInput {
  period: string;
  units: UnitInfo[];
  /** aggregates at the period itself */
  current: PeriodAggregates;
  /** aggregates at the three quarters before (for the trend V), most recent first; absent periods may be omitted */
  history: PeriodAggregates[];
  /** aggregates at p0 = Q4 of the previous year (for K3); null when the dataset has no p0 */
  baseline: PeriodAggregates | null;
  /** qualitative scores of years Y and Y-1 (others are ignored) */
  qualitative: QualitativeRow[];
  /** every penalty (the engine applies the veto window) */
  penalties: PenaltyRow[];
}

/** Detail of one class for one unit: what the explain page shows. */
export interface ClassResult {
  code: ClassCode;
  /** raw indicator value (K-value), null when it cannot be computed */
  value: number | null;
  /**
   * What the value was computed from (money in yuan): K1 S; K2 S, A; K3 S0, A0 (baseline);
   * K4/K7/K8/K10 the tech balance of the kind, S; K5 the count; K6 first / new tech borrowers;
   * K9 rT, rA (percent). null where there is nothing to show.
   */
  numerator: number | null;
  denominator: number | null;
  /** f in [0,1] and the points s = weight * f */
  f: number;
  score: number;
  weight: number;
  /** peer-trend classes only */
  peerSize?: number;
  H?: number;
  P?: number;
  /** trend baseline m (null when no history value) and V */
  m?: number | null;
  V?: number;
  /** the history values m was taken from, most recent first */
  trendValues?: { period: string; value: number }[];
  /** K10 only: the tolerance T = NA + tolerance_pp (percent), null when NA is null */
  tolerance?: number | null;
}

export interface QualitativeBlockResult {
  block: 'Q1' | 'Q2' | 'Q3';
  /** score 0-100, or null when missing (the block then scores 0) */
  score: number | null;
  /** unit whose score was used and its year */
  sourceCode: string | null;
  sourceYear: number | null;
  inherited: boolean;
}

export interface UnitResult {
  period: string;
  code: string;
  level: InstitutionLevel;
  peerGroup: PeerGroup;
  bankCode: string;
  /** false for NO_LOANS units (A = 0): not scored, not ranked, not exported */
  scored: boolean;
  classes: Record<ClassCode, ClassResult>;
  /** NA (percent) and BA (count) */
  nplRatioAll: number | null;
  allBorrowers: number;
  quantitative: number;
  qualitative: number;
  qualitativeBlocks: QualitativeBlockResult[];
  composite: number;
  grade: Grade | null;
  rankLevel: number | null;
  rankPeer: number | null;
  rankBank: number | null;
  flags: Flag[];
}

/** Certification checks of one unit for year Y (spec section 7). */
export interface CheckResult {
  code: CheckCode;
  pass: boolean;
  /** measured values, thresholds and the shortfall, for the explanation */
  measures: { name: string; value: number | boolean | null; threshold: number | boolean | string; pass: boolean; shortfall: number | null }[];
}

export interface CertificationInput {
  year: number;
  /** results of the fourth quarter of Y and Y-1 (scored and unscored units) */
  resultsY: UnitResult[];
  resultsPrev: UnitResult[];
  applicationsY: ApplicationRow[];
  applicationsPrev: ApplicationRow[];
  /** codes with a confirm decision for Y-1 */
  certifiedPrev: string[];
}

export interface CertificationResult {
  year: number;
  code: string;
  kind: 'applicant' | 'certified';
  outcome: 'certify' | 'upgrade' | 'reserve' | 'not_eligible' | 'retain' | 'delist';
  checks: CheckResult[];
  /** for certified units: last year's checks (the two-year rule) */
  previousChecks?: CheckResult[];
  composite: number | null;
}
