import type {
  CertificationOutcome,
  CheckCode,
  Decision,
  InstitutionLevel,
} from '../format/enums';

/**
 * The annual certification exercise (科技金融专营机构认定, scoring.md section 7), under
 * /api/certification. Every list is limited to the caller's scope: a bank HQ sees its own units,
 * a branch its subtree, regulator and admin everything. Times are ISO 8601 (UTC); money in yuan.
 *
 * Timeline of a year: draft -> applications_open -> applications_closed -> evaluated ->
 * decided (every evaluated unit has a decision) -> published (授牌名单 out).
 */
export const EXERCISE_STATUSES = [
  'draft',
  'applications_open',
  'applications_closed',
  'evaluated',
  'decided',
  'published',
] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

/** A text in both languages of the platform. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Recommendations for applicants and for units certified the year before. */
export const APPLICANT_OUTCOMES = [
  'certify',
  'upgrade',
  'reserve',
  'not_eligible',
] as const;
export const CERTIFIED_OUTCOMES = ['retain', 'delist'] as const;

/** How many units of the caller's scope are at each step of the exercise. */
export interface ExerciseCounts {
  /** submitted (not withdrawn) applications */
  applications: number;
  withdrawn: number;
  /** units evaluated: applicants and units certified the year before */
  evaluated: number;
  byOutcome: Record<CertificationOutcome, number>;
  decided: number;
  /** evaluated units without a decision yet */
  pending: number;
  confirmed: number;
  rejected: number;
}

/** GET /api/certification/:year and each item of GET /api/certification */
export interface ExerciseResponse {
  year: number;
  status: ExerciseStatus;
  createdAt: string;
  createdBy: string | null;
  openedAt: string | null;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  evaluatedAt: string | null;
  evaluatedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** the published run of Y Q4 the evaluation used */
  runId: number | null;
  /** the run of (Y-1) Q4 used for the two-year rule: published, else scored for the evaluation; null when that quarter has no data */
  previousRunId: number | null;
  schemeId: string | null;
  schemeVersion: number | null;
  counts: ExerciseCounts;
}

export interface ExerciseListResponse {
  items: ExerciseResponse[];
}

/**
 * POST /api/certification/:year/applications (bank HQ, for its own city or outlet units, while
 * the window is open). The fields of applications.csv; approvalLimit in yuan (at most 2 decimals).
 */
export interface CertificationApplicationRequest {
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
  approvalLimit: number;
}

/** Where a unit sits, for lists. */
export interface CertificationUnitRef {
  institutionCode: string;
  name: string;
  level: InstitutionLevel;
  bankCode: string;
  regionCode: string;
}

export type ApplicationSource = 'import' | 'web';
export type ApplicationStatus = 'submitted' | 'withdrawn';

export interface CertificationApplicationResponse
  extends CertificationApplicationRequest,
    CertificationUnitRef {
  year: number;
  source: ApplicationSource;
  status: ApplicationStatus;
  submittedBy: string | null;
  submittedAt: string | null;
}

export interface CertificationApplicationListResponse {
  year: number;
  items: CertificationApplicationResponse[];
}

/** One measured value of a check, with its threshold and the shortfall in words. */
export interface CheckMeasureView {
  /** e.g. 'K2', 'tech_rm_count', 'approval_limit', 'composite' */
  name: string;
  label: LocalizedText;
  /** the measured value (yuan for approval_limit; percent for shares); null = no data */
  value: number | boolean | null;
  threshold: number | boolean | string;
  pass: boolean;
  /** how far from the threshold (threshold - value; for ftp_discount_bp the excess over the cap) */
  shortfall: number | null;
  /** e.g. "科技贷款占比 42.3%，低于 50%，差 7.7 个百分点" / "Tech loan share 42.3%, below 50% by 7.7 pp" */
  text: LocalizedText;
}

export interface CheckView {
  code: CheckCode;
  name: LocalizedText;
  pass: boolean;
  measures: CheckMeasureView[];
}

/** The regulator's decision on one unit (the certification register). */
export interface DecisionView {
  decision: Decision;
  reason: string | null;
  /** what was recommended when it was decided; null for imported history */
  recommendation: CertificationOutcome | null;
  /** true when the decision goes against the recommendation (confirm of a non-certify/retain, reject of a certify/retain) */
  override: boolean;
  source: ApplicationSource;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** One evaluated unit, as the pipeline lists it. */
export interface EvaluationItem extends CertificationUnitRef {
  year: number;
  /** applicant, or certified the year before (then only retain / delist) */
  kind: 'applicant' | 'certified';
  recommendation: CertificationOutcome;
  composite: number | null;
  passes: Record<CheckCode, boolean>;
  /** the text of every failed measure of Y, in check order */
  shortfalls: LocalizedText[];
  decision: DecisionView | null;
}

export interface EvaluationListResponse {
  year: number;
  status: ExerciseStatus;
  items: EvaluationItem[];
}

/** GET /api/certification/:year/evaluation/:code: every check of Y (and of Y-1 for certified units). */
export interface EvaluationDetailResponse extends EvaluationItem {
  checks: CheckView[];
  /** certified units: last year's checks, which the two-year rule reads */
  previousChecks: CheckView[] | null;
  /** why this recommendation, in words */
  explanation: LocalizedText;
  runId: number;
  previousRunId: number | null;
}

/** POST /api/certification/:year/decisions/:code (regulator). A reason is required for reject and when overriding. */
export interface CertificationDecisionRequest {
  decision: Decision;
  reason?: string;
}

/** One unit of the published list (授牌名单). */
export interface CertifiedUnitItem extends CertificationUnitRef {
  bankName: string;
  /** the recommendation that was confirmed (certify / retain, or an override); null for imported history */
  recommendation: CertificationOutcome | null;
  /** newly certified this year (not certified the year before) */
  newlyCertified: boolean;
}

export interface CountByRegion {
  regionCode: string;
  count: number;
}

export interface CountByBank {
  bankCode: string;
  bankName: string;
  count: number;
}

/**
 * GET /api/certification/:year/list: units with a confirm decision for the year once the list is
 * published (years before the platform: the imported register counts as published).
 */
export interface CertifiedListResponse {
  year: number;
  published: boolean;
  publishedAt: string | null;
  items: CertifiedUnitItem[];
  byRegion: CountByRegion[];
  byBank: CountByBank[];
}

/** One year of a unit's history: application, recommendation, decision. */
export interface UnitHistoryYear {
  year: number;
  application: {
    status: ApplicationStatus;
    source: ApplicationSource;
    submittedAt: string | null;
  } | null;
  evaluation: {
    kind: 'applicant' | 'certified';
    recommendation: CertificationOutcome;
    passes: Record<CheckCode, boolean>;
  } | null;
  decision: DecisionView | null;
  /** the decision is final (list published, or imported history) */
  published: boolean;
  /** on the published list of that year */
  listed: boolean;
}

/** GET /api/certification/units/:code: reserve -> upgrade -> certify -> retain / delist across years, oldest first. */
export interface UnitCertificationHistoryResponse extends CertificationUnitRef {
  years: UnitHistoryYear[];
  /** on the latest published list (or imported register) */
  currentlyCertified: boolean;
}
