import type { Scheme } from './scheme';
import type { ScoringInput, UnitResult } from './types';

/**
 * Scores one period (spec sections 2-6): one result per unit of `input.units`, sorted by code.
 * Units with A = 0 have scored = false and the flag NO_LOANS.
 */
export function scorePeriod(input: ScoringInput, scheme: Scheme): UnitResult[] {
  void input;
  void scheme;
  // TODO(scoring-engine): body lands in the next commit of this series
  throw new Error('scorePeriod: not implemented yet');
}
