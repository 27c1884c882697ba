import type { Scheme } from './scheme';

/**
 * The default scheme `sdtf-2025` v1: ../shared/spec/scheme-sdtf-2025.json, with the text of
 * spec/scoring.md where they differ.
 */
export const SCHEME_SDTF_2025: Scheme = {
  id: 'sdtf-2025',
  version: 1,
  title: {
    zh: '山东科技金融服务效果评估（默认方案）',
    en: 'Shandong sci-tech finance evaluation (default scheme)',
  },
  equality_tolerance: 1e-9,
  peer_group_min_size: 5,
  classes: {
    K1: {
      weight: 10,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'ratio', zero_at: 0.9, full_at: 1.1 },
    },
    K2: {
      weight: 10,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'difference', zero_at: -2, full_at: 2 },
    },
    K3: { weight: 10, method: 'growth_target', no_baseline_score: 0.5 },
    K4: {
      weight: 8,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'difference', zero_at: -2, full_at: 2 },
    },
    K5: {
      weight: 8,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'ratio', zero_at: 0.9, full_at: 1.1 },
    },
    K6: {
      weight: 7,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'difference', zero_at: -2, full_at: 2 },
    },
    K7: {
      weight: 8,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'difference', zero_at: -2, full_at: 2 },
    },
    K8: {
      weight: 7,
      method: 'peer_trend',
      better: 'higher',
      trend: { kind: 'difference', zero_at: -2, full_at: 2 },
    },
    K9: {
      weight: 6,
      method: 'peer_trend',
      better: 'lower',
      floor: -50,
      trend: { kind: 'difference', zero_at: 20, full_at: -20 },
    },
    K10: { weight: 6, method: 'npl_band', tolerance_pp: 3, score_at_tolerance: 0.6 },
  },
  peer_trend: {
    peer_share: 0.6,
    trend_share: 0.4,
    peer_floor: 0.5,
    trend_quarters: 3,
    no_history_trend: 0.5,
  },
  qualitative: {
    max_points: 20,
    blocks: { Q1: 0.3, Q2: 0.4, Q3: 0.3 },
    inherit_previous_year: true,
    inherit_from_ancestors: true,
  },
  grades: [
    { code: 'excellent', zh: '优秀', min: 90 },
    { code: 'good', zh: '良好', min: 75 },
    { code: 'pass', zh: '合格', min: 60 },
    { code: 'improve', zh: '待改进', min: null },
  ],
  npl_over_tolerance_max_grade: 'pass',
  veto: { window_days: 365, kinds: ['penalty', 'falsified_data'], grade: 'improve' },
  certification: {
    C1: { designated: true, tech_rm_count_min: 5 },
    C2: {
      mechanisms: [
        'separate_credit_plan',
        'dedicated_pricing',
        'independent_accounting',
        'risk_tolerance',
        'approval_channel',
        'performance_assessment',
        'due_diligence_exemption',
      ],
      ftp_discount_bp_max: 50,
      approval_limit_min: 10000000,
    },
    C3: { K2_min: 50, tech_borrower_share_min: 50 },
    C4: { K1_min: 500000000, K5_min: 100 },
    C5: { K3_min: 0, new_entrant_passes: true },
    C6: { K6_min: 10, K7_min: 30, K8_min: 30 },
    C7: { fail_flags: ['NPL_OVER_TOLERANCE', 'VETO'] },
    C8: { composite_min: 75 },
    upgrade: { required: ['C2', 'C7'], checks_passed_min: 5, composite_min: 60 },
    reserve: { required: ['C7'] },
    delist: {
      composite_below: 60,
      required: ['C7'],
      two_year_failure_checks: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8'],
    },
  },
};
