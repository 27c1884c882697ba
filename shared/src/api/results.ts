import type { ClassCode, Flag, Grade, InstitutionLevel, PeerGroup, QualitativeBlock } from '../format/enums';
import type { RunResponse } from './runs';

/**
 * Results of a run (GET /api/results and friends). Every query is limited to the caller's scope:
 * a bank sees its own units, a branch its subtree; of other banks only aggregate peer
 * statistics, never their names or values. Without runId the latest PUBLISHED run of the period
 * is used (answer 404 NO_PUBLISHED_RUN when there is none); drafts need regulator or admin.
 */

/** One unit of a run, as lists show it. Values unrounded; round only for display. */
export interface UnitResultItem {
  runId: number;
  period: string;
  code: string;
  name: string;
  level: InstitutionLevel;
  peerGroup: PeerGroup;
  bankCode: string;
  regionCode: string;
  /** false for NO_LOANS units (A = 0): no values, scores, grade or ranks */
  scored: boolean;
  /** K1..K10 raw values (K1 yuan, K5 count, K9 bp, others percent); null = no data */
  values: Record<ClassCode, number | null>;
  /** s1..s10 class scores (points) */
  scores: Record<ClassCode, number>;
  quantitative: number;
  qualitative: number;
  composite: number;
  grade: Grade | null;
  rankLevel: number | null;
  rankPeer: number | null;
  rankBank: number | null;
  flags: Flag[];
  /** rank_level in the latest published run of the previous quarter (null: none) */
  previousRankLevel: number | null;
  /** previousRankLevel - rankLevel: positive = moved up (an up arrow); null when either is null */
  rankLevelChange: number | null;
}

export const RESULT_SORT_KEYS = [
  'code',
  'name',
  'composite',
  'quantitative',
  'qualitative',
  'grade',
  'rankLevel',
  'rankPeer',
  'rankBank',
  's1',
  's2',
  's3',
  's4',
  's5',
  's6',
  's7',
  's8',
  's9',
  's10',
  'k1',
  'k2',
  'k3',
  'k4',
  'k5',
  'k6',
  'k7',
  'k8',
  'k9',
  'k10',
] as const;
export type ResultSortKey = (typeof RESULT_SORT_KEYS)[number];

/**
 * The ranking board's optional columns, in board order (issue 14). The identity columns (rank,
 * unit, code) and the flags are pinned: always on screen, always in the readable export. The
 * board's column chooser and the readable export's `columns` parameter share this one list.
 */
export const RESULT_COLUMNS = [
  'bank',
  'level',
  'peer',
  'city',
  'grade',
  'composite',
  'quantitative',
  'qualitative',
  'classes',
  'rankPeer',
  'rankBank',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/**
 * GET /api/results query. `bank` = bank_code, `city` = region_code, `flag` = one flag code,
 * `q` = part of a code or name. Default sort: rankLevel asc (unscored units last), ties by
 * quantitative desc then code. pageSize max 500.
 */
export interface ResultsQuery {
  period?: string;
  runId?: number;
  level?: InstitutionLevel;
  peerGroup?: PeerGroup;
  bank?: string;
  city?: string;
  grade?: Grade;
  flag?: Flag;
  q?: string;
  /** only units with integrity signals in the run (issue 13) */
  hasSignals?: boolean;
  sort?: ResultSortKey;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface ResultsPageResponse {
  run: RunResponse;
  items: UnitResultItem[];
  /** matching units in the caller's scope */
  total: number;
  page: number;
  pageSize: number;
  sort: ResultSortKey;
  order: 'asc' | 'desc';
}

/** Five-number summary of a set of numbers (null values left out); all null when the set is empty. */
export interface Distribution {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** One period of a unit's history (latest published run of each period; the run itself for drafts). */
export interface UnitHistoryPoint {
  period: string;
  runId: number;
  scored: boolean;
  values: Record<ClassCode, number | null>;
  scores: Record<ClassCode, number>;
  composite: number;
  grade: Grade | null;
  rankLevel: number | null;
}

/** Per class: the distribution of the K-value over the unit's peer set, and the median class score. */
export interface PeerClassStats {
  values: Distribution;
  scoreMedian: number | null;
}

/** GET /api/results/:code?period=&runId= */
export interface UnitResultDetailResponse {
  run: RunResponse;
  result: UnitResultItem;
  /** oldest first, up to and including the run's period */
  history: UnitHistoryPoint[];
  /** the peer set P(u) used for H (the whole level when SMALL_PEER_GROUP); aggregates only */
  peerSetSize: number;
  peers: Record<ClassCode, PeerClassStats>;
  /** median composite of the peer set */
  peerCompositeMedian: number | null;
}

/** A flag in words. */
export interface FlagText {
  code: Flag;
  zh: string;
  en: string;
}

/** One class of the explanation: how the value and the points came about. */
export interface ExplainClass {
  code: ClassCode;
  name: { zh: string; en: string };
  /** 'yuan' | 'count' | '%' | 'pp' | 'bp' */
  unit: string;
  method: 'peer_trend' | 'growth_target' | 'npl_band';
  better: 'higher' | 'lower';
  value: number | null;
  /** in the unit of the value's parts: yuan for money, count for borrowers */
  numerator: number | null;
  denominator: number | null;
  weight: number;
  /** f in [0, 1] and points = weight * f */
  f: number;
  points: number;
  /** peer-trend classes: peer set size, peer position H, peer part P, trend mean m, trend part V */
  peerSize: number | null;
  H: number | null;
  P: number | null;
  m: number | null;
  V: number | null;
  /** the earlier values m is the mean of, most recent first */
  trendValues: { period: string; value: number }[];
  /** the class in one plain sentence (values, peer position, trend, points), no symbols */
  why: { zh: string; en: string };
}

export interface ExplainQualitativeBlock {
  block: QualitativeBlock;
  /** 0-100, null when missing (scores 0, QUAL_MISSING) */
  score: number | null;
  /** share of the qualitative points (e.g. 0.3) and the points it gives */
  weight: number;
  points: number;
  /** the unit and year whose score was used; inherited = from an ancestor */
  sourceCode: string | null;
  sourceName: string | null;
  sourceYear: number | null;
  inherited: boolean;
}

/** A borrower behind K1: tech balance of the unit's subtree at the period. */
export interface TopBorrower {
  uscc: string;
  name: string;
  /** yuan */
  balance: number;
  /** percent of the unit's tech balance S */
  share: number;
  loanCount: number;
}

/** GET /api/results/:code/explain?runId= (or ?period= for the latest published run). */
export interface ExplainResponse {
  run: RunResponse;
  code: string;
  name: string;
  level: InstitutionLevel;
  peerGroup: PeerGroup;
  bankCode: string;
  scored: boolean;
  classes: ExplainClass[];
  quantitative: number;
  qualitative: number;
  composite: number;
  grade: Grade | null;
  rankLevel: number | null;
  rankPeer: number | null;
  rankBank: number | null;
  flags: FlagText[];
  /** NA: NPL ratio of all loans (percent), BA: distinct borrowers with balance > 0 */
  nplRatioAll: number | null;
  allBorrowers: number;
  qualitativeBlocks: ExplainQualitativeBlock[];
  /** top 10 borrowers by tech balance (the loan rows that drive K1) */
  topBorrowers: TopBorrower[];
  /** the costliest classes, what would gain them, and the points to the next grade */
  summary: ExplainSummary;
}

/** A unit of a bank's summary: its ten class scores and its rank among the bank's units of its level. */
export interface BankSummaryUnit extends UnitResultItem {
  rankInBank: number | null;
}

/** GET /api/banks/:bankCode/summary?period= (bank HQ view; regulator and admin may open any bank). */
export interface BankSummaryResponse {
  run: RunResponse;
  bankCode: string;
  bankName: string;
  /** the bank's head unit and its position in its peer group (null when the head is not scored) */
  head: {
    code: string;
    name: string;
    peerGroup: PeerGroup;
    composite: number;
    grade: Grade | null;
    rankPeer: number | null;
    /** scored head units in the peer group */
    peerGroupSize: number;
    rankLevel: number | null;
    levelSize: number;
  } | null;
  /** the peer group's head units, aggregates only: composite distribution and median class scores */
  peerComposite: Distribution;
  peerScoreMedians: Record<ClassCode, number | null>;
  /** every unit of the bank (head, cities, outlets), ordered by level then rankInBank */
  units: BankSummaryUnit[];
}

/** A class that cost points and what would gain them back (the unit page's "what to improve"). */
export interface ExplainImprovement {
  code: ClassCode;
  /** weight - points */
  lostPoints: number;
  /** the value that would give full peer marks (above the group's best; null: not known or not disclosable) */
  peerTarget: number | null;
  peerGain: number;
  /** the value that would give full trend marks (null: no history) */
  trendTarget: number | null;
  trendGain: number;
  text: { zh: string; en: string };
}

/** The points the composite lacks for the next grade up (null at the top grade). */
export interface ExplainNextGrade {
  grade: Grade;
  pointsNeeded: number;
  text: { zh: string; en: string };
}

/** What the unit page shows above the classes: the three costliest classes and the next grade. */
export interface ExplainSummary {
  improvements: ExplainImprovement[];
  nextGrade: ExplainNextGrade | null;
}
