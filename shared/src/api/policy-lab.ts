import type { CertificationOutcome, ClassCode, Grade, InstitutionLevel } from '../format/enums';
import type { Scheme } from '../scoring/scheme';
import type { SchemeTitle } from './schemes';

/**
 * The policy lab (issue 12): a regulator (or admin) drafts a scheme from any version, simulates it
 * on the current data against the scheme in force, then publishes it as the next version,
 * effective from a period. Drafts never affect published results; bank users never see them.
 */

/** A version of a scheme, by id and number. */
export interface SchemeRef {
  schemeId: string;
  version: number;
}

/** GET /api/scheme-drafts */
export interface SchemeDraftSummary {
  id: number;
  name: string;
  /** the version the draft started from */
  base: SchemeRef;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** scheme-validate has nothing to say about its parameters */
  valid: boolean;
  /** set once published: the version it became */
  publishedAs: SchemeRef | null;
}

export interface SchemeDraftListResponse {
  items: SchemeDraftSummary[];
}

/** GET /api/scheme-drafts/:id: the parameters and what scheme-validate says about them. */
export interface SchemeDraftResponse extends SchemeDraftSummary {
  params: Scheme;
  problems: string[];
}

/** POST /api/scheme-drafts: a draft starting as a copy of a stored version. */
export interface CreateSchemeDraftRequest {
  name: string;
  schemeId: string;
  version: number;
}

/** PUT /api/scheme-drafts/:id: an invalid draft is saved too (with its problems), never simulated or published. */
export interface UpdateSchemeDraftRequest {
  name?: string;
  params?: Scheme;
}

/** POST /api/scheme-drafts/:id/simulate */
export interface SimulateDraftRequest {
  period: string;
}

/** POST /api/scheme-drafts/:id/publish: the next version of the draft's scheme id. */
export interface PublishSchemeDraftRequest {
  reason: string;
  /** runs of this period and later use the new version by default; earlier runs keep theirs */
  effectiveFrom: string;
  title?: SchemeTitle;
}

export interface GradeDistributionRow {
  level: InstitutionLevel;
  /** null: not graded (no loans) */
  grade: Grade | null;
  before: number;
  after: number;
}

export interface GradeChange {
  code: string;
  name: string;
  level: InstitutionLevel;
  bankCode: string;
  regionCode: string;
  before: Grade | null;
  after: Grade | null;
  compositeBefore: number;
  compositeAfter: number;
  /** the part of the composite that moved most (a class, or the qualitative points) and by how much */
  mostMoved: ClassCode | 'qualitative' | null;
  mostMovedBy: number;
}

export interface RankMove {
  code: string;
  name: string;
  level: InstitutionLevel;
  before: number | null;
  after: number | null;
  /** before - after: positive = moved up */
  change: number;
}

export interface OutcomeChange {
  code: string;
  name: string;
  before: CertificationOutcome;
  after: CertificationOutcome;
}

export interface GroupSummary {
  /** bank code or region code */
  key: string;
  units: number;
  gradeUp: number;
  gradeDown: number;
  outcomeChanges: number;
}

/** One parameter the draft changed, applied alone to the scheme in force. */
export interface SensitivityRow {
  path: string;
  /** the parameter and its two values in words (scheme-diff) */
  label: { zh: string; en: string };
  from: { zh: string; en: string };
  to: { zh: string; en: string };
  gradeChanges: number;
  outcomeChanges: number;
}

/** The comparison of a draft with the scheme in force on the same data (nothing is stored as a run). */
export interface SimulationResponse {
  draftId: number;
  period: string;
  inForce: SchemeRef;
  /** the certification year when the period is a fourth quarter, else null */
  certificationYear: number | null;
  unitCount: number;
  /** the whole simulation, and the part spent scoring and comparing (the rest reads the inputs) */
  durationMs: number;
  scoringMs: number;
  grades: GradeDistributionRow[];
  gradeChanges: GradeChange[];
  /** largest movement first (rank_level) */
  rankMoves: RankMove[];
  outcomeChanges: OutcomeChange[];
  byBank: GroupSummary[];
  byCity: GroupSummary[];
  sensitivity: SensitivityRow[];
}
