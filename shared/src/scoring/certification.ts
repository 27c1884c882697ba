import type { Scheme } from './scheme';
import type { CertificationInput, CertificationResult } from './types';

/**
 * Annual certification (spec section 7) of every applicant for Y and every unit certified for
 * Y-1, ordered by code.
 */
export function evaluateCertification(input: CertificationInput, scheme: Scheme): CertificationResult[] {
  void input;
  void scheme;
  // TODO(scoring-engine): body lands in the next commit of this series
  throw new Error('evaluateCertification: not implemented yet');
}
