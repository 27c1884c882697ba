/**
 * The integrity-signal and data-quality section of a scheme (issue 13): every window, share and
 * floor the signal rules and the quality board use. Optional in a scheme (absent = these
 * defaults) so published schemes stay valid; signals never change scores.
 */

/** A measured value at or above `threshold` raises a signal; at or above `high` it is severe. */
export interface SignalBand {
  threshold: number;
  high: number;
}

export interface SignalParams {
  window_dressing: {
    /** a loan issued 0..issued_within_days days before the period date is "just before" it */
    issued_within_days: number;
    /** one snapshot: maturing 1..matures_within_days days after the period date */
    matures_within_days: number;
    /** balance of such tech loans, % of the unit's tech balance S */
    share_pct: SignalBand;
  };
  /** two snapshots: loans issued just before the date, gone (or 0) at the next date before maturity */
  window_dressing_exit: { share_pct: SignalBand };
  /** new rows flagged first_loan = Y whose borrower had a row at the same bank in an earlier snapshot: count */
  first_loan_claim: { count: SignalBand };
  tech_label_timing: {
    /** the borrower's first qualification starts 0..qualified_within_days days before the date */
    qualified_within_days: number;
    /** balance of such tech rows, % of S */
    share_pct: SignalBand;
    /** units with fewer tech borrowers are not judged (one new listing is a large share of a tiny book) */
    min_tech_borrowers: number;
  };
  /** loans in an NPL class at the previous and the next snapshot but not at the period date: count */
  quarter_end_cure: { count: SignalBand };
  pricing_outlier: {
    /** annual %, a new tech loan below it is an outlier */
    rate_floor_pct: number;
    /** bp below the unit's amount-weighted rate of all new loans of the quarter */
    below_unit_rate_bp: number;
    /** amount of outlier new tech loans, % of the amount of all new tech loans of the quarter */
    share_pct: SignalBand;
  };
  concentration: {
    /** largest tech borrower's balance, % of S */
    share_pct: SignalBand;
    /** units with fewer tech borrowers are not judged (one borrower is 100 % by construction) */
    min_tech_borrowers: number;
  };
  /** quality board: a cell is marked when its change against the previous quarter crosses these */
  quality: {
    /** |change| of total balance, % */
    balance_change_pct: number;
    /** |change| of tech balance, % */
    tech_balance_change_pct: number;
    /** |change| of the number of rows, % */
    rows_change_pct: number;
    /** borrowers without an industry code, % of borrowers */
    missing_attributes_pct: number;
  };
}

export const DEFAULT_SIGNAL_PARAMS: SignalParams = {
  window_dressing: {
    issued_within_days: 15,
    matures_within_days: 31,
    share_pct: { threshold: 2, high: 10 },
  },
  window_dressing_exit: { share_pct: { threshold: 2, high: 10 } },
  first_loan_claim: { count: { threshold: 1, high: 5 } },
  tech_label_timing: {
    qualified_within_days: 30,
    share_pct: { threshold: 35, high: 60 },
    min_tech_borrowers: 10,
  },
  quarter_end_cure: { count: { threshold: 1, high: 3 } },
  pricing_outlier: {
    rate_floor_pct: 1.5,
    below_unit_rate_bp: 200,
    share_pct: { threshold: 10, high: 30 },
  },
  concentration: {
    share_pct: { threshold: 60, high: 80 },
    min_tech_borrowers: 10,
  },
  quality: {
    balance_change_pct: 30,
    tech_balance_change_pct: 30,
    rows_change_pct: 30,
    missing_attributes_pct: 10,
  },
};

/** The signal parameters of a scheme: its own section, or the defaults when it has none. */
export function signalParamsOf(scheme: {
  signals?: SignalParams;
}): SignalParams {
  return scheme.signals ?? DEFAULT_SIGNAL_PARAMS;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Errors of a `signals` section as `signals.path: message`; empty when valid. */
export function validateSignalParams(v: unknown): string[] {
  const errors: string[] = [];
  const walk = (shape: unknown, value: unknown, path: string): void => {
    if (isObj(shape)) {
      if (!isObj(value)) {
        errors.push(`${path}: must be an object`);
        return;
      }
      for (const k of Object.keys(value))
        if (!(k in shape)) errors.push(`${path}.${k}: unknown key`);
      for (const k of Object.keys(shape))
        walk(shape[k], value[k], `${path}.${k}`);
      if (
        'threshold' in shape &&
        isNum(value['threshold']) &&
        isNum(value['high']) &&
        value['high'] < value['threshold']
      ) {
        errors.push(`${path}.high: must be >= threshold`);
      }
      return;
    }
    if (!isNum(value) || value < 0)
      errors.push(`${path}: must be a number >= 0`);
    else if (path.endsWith('_days') && !Number.isInteger(value))
      errors.push(`${path}: must be a whole number of days`);
  };
  walk(DEFAULT_SIGNAL_PARAMS, v, 'signals');
  return errors;
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
