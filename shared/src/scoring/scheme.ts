import type {
  CheckCode,
  ClassCode,
  Flag,
  Grade,
  Mechanism,
  PenaltyKind,
  QualitativeBlock,
} from '../format/enums';
import type { SignalParams } from './scheme-signals';

/**
 * A scoring scheme: every policy number of ../shared/spec/scoring.md as data. The engine reads
 * each weight, share, threshold and tolerance from here, so a region adopts its own figures by
 * publishing a new scheme version, never by changing code. Keys keep the snake_case of the
 * published JSON shape (spec/scheme-sdtf-2025.json) so a scheme file loads as-is.
 */

/**
 * Own-trend mapping of a peer-trend class (spec section 4, V). `ratio`: d = x/m; `difference`:
 * d = x - m. V = clamp((d - zero_at) / (full_at - zero_at)); full_at < zero_at when lower is better.
 */
export interface TrendParams {
  kind: 'ratio' | 'difference';
  zero_at: number;
  full_at: number;
}

/** K1, K2, K4-K9: f = peer_share * P + trend_share * V. */
export interface PeerTrendClassParams {
  weight: number;
  method: 'peer_trend';
  better: 'higher' | 'lower';
  /** values are floored at this number before H and V (K9: -50 bp) */
  floor?: number;
  trend: TrendParams;
}

/** K3: growth of tech loans against growth of all loans. */
export interface GrowthTargetClassParams {
  weight: number;
  method: 'growth_target';
  /** f when the unit has no baseline at p0 */
  no_baseline_score: number;
}

/** K10: NPL ratio of tech loans in a band above the unit's all-loan NPL ratio NA. */
export interface NplBandClassParams {
  weight: number;
  method: 'npl_band';
  /** T = NA + tolerance_pp (percentage points) */
  tolerance_pp: number;
  /** f at x = T; f falls linearly from 1 at NA */
  score_at_tolerance: number;
}

export type ClassParams = PeerTrendClassParams | GrowthTargetClassParams | NplBandClassParams;

/** The method each class must have: the indicator definitions of section 2 depend on it. */
export const CLASS_METHODS: Record<ClassCode, ClassParams['method']> = {
  K1: 'peer_trend',
  K2: 'peer_trend',
  K3: 'growth_target',
  K4: 'peer_trend',
  K5: 'peer_trend',
  K6: 'peer_trend',
  K7: 'peer_trend',
  K8: 'peer_trend',
  K9: 'peer_trend',
  K10: 'npl_band',
};

export interface GradeParams {
  code: Grade;
  zh: string;
  /** lowest composite of the grade; null for the last (catch-all) grade */
  min: number | null;
}

export interface CertificationParams {
  C1: { designated: boolean; tech_rm_count_min: number };
  C2: {
    mechanisms: Mechanism[];
    /** 0 < ftp_discount_bp <= ftp_discount_bp_max */
    ftp_discount_bp_max: number;
    /** yuan */
    approval_limit_min: number;
  };
  /** K2 >= K2_min and 100 * K5 / BA >= tech_borrower_share_min */
  C3: { K2_min: number; tech_borrower_share_min: number };
  /** K1 (yuan) >= K1_min and K5 >= K5_min */
  C4: { K1_min: number; K5_min: number };
  /**
   * Passes when K3 scored full marks (f = 1, section 4), which requires K3 = 100*(gS - gA) >= K3_min
   * with gS > 0, or NEW_ENTRANT when new_entrant_passes.
   */
  C5: { K3_min: number; new_entrant_passes: boolean };
  C6: { K6_min: number; K7_min: number; K8_min: number };
  C7: { fail_flags: Flag[] };
  C8: { composite_min: number };
  upgrade: { required: CheckCode[]; checks_passed_min: number; composite_min: number };
  reserve: { required: CheckCode[] };
  delist: { composite_below: number; required: CheckCode[]; two_year_failure_checks: CheckCode[] };
}

/** The `+ tol` of every comparison of a composite (scoring.md appendix, `composite_tolerance`). */
export function compositeTolerance(scheme: Pick<Scheme, 'equality_tolerance' | 'composite_tolerance'>): number {
  return scheme.composite_tolerance ?? scheme.equality_tolerance;
}

export interface Scheme {
  id: string;
  version: number;
  title: { zh: string; en: string };
  /**
   * a and b are equal when |a-b| <= tol * max(1, |a|, |b|) (ties in H only); every comparison of a
   * composite with a threshold or another composite uses composite + tol unless
   * composite_tolerance is given.
   */
  equality_tolerance: number;
  /**
   * The tolerance of composite comparisons (grades, ranks, certification thresholds) when it
   * differs from equality_tolerance (scoring.md appendix); absent: equality_tolerance.
   */
  composite_tolerance?: number;
  /** a peer group smaller than this is replaced by the whole level (SMALL_PEER_GROUP) */
  peer_group_min_size: number;
  classes: Record<ClassCode, ClassParams>;
  peer_trend: {
    peer_share: number;
    trend_share: number;
    /** P = peer_floor + (1 - peer_floor) * H for a unit that reports */
    peer_floor: number;
    /** how many quarters before p feed the trend mean m */
    trend_quarters: number;
    /** V when no history value exists */
    no_history_trend: number;
  };
  qualitative: {
    max_points: number;
    /** weights of the blocks, summing to 1; block scores are 0-100 */
    blocks: Record<QualitativeBlock, number>;
    inherit_previous_year: boolean;
    inherit_from_ancestors: boolean;
  };
  /** in descending order of min */
  grades: GradeParams[];
  npl_over_tolerance_max_grade: Grade;
  veto: { window_days: number; kinds: PenaltyKind[]; grade: Grade };
  certification: CertificationParams;
  /** integrity signals and quality board thresholds (issue 13); absent = DEFAULT_SIGNAL_PARAMS; never changes scores */
  signals?: SignalParams;
}
