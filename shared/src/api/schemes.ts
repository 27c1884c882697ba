import type { Scheme } from '../scoring/scheme';

/**
 * Scoring schemes (GET/POST /api/schemes). A scheme version is immutable; an admin publishes a
 * new version (max + 1 of its id) and runs name the version they used.
 */
export interface SchemeTitle {
  zh: string;
  en: string;
}

/** GET /api/schemes: one row per stored version, newest first. */
export interface SchemeSummary {
  schemeId: string;
  version: number;
  title: SchemeTitle;
  createdBy: string | null;
  createdAt: string;
  /** the version new runs use when none is named (the latest version created) */
  isDefault: boolean;
  /** runs of this period onward use this version by default; null: from the start */
  effectiveFrom: string | null;
  /** why it was adopted (a published policy-lab draft) */
  reason: string | null;
}

export interface SchemeListResponse {
  items: SchemeSummary[];
}

/** GET /api/schemes/:id/:version: every parameter of the version (spec/scheme-sdtf-2025.json shape). */
export interface SchemeResponse extends SchemeSummary {
  params: Scheme;
}

/**
 * POST /api/schemes (admin): a new version of `schemeId` (new id: version 1). `params` is the
 * whole scheme; its own `id` and `version` fields are ignored and set by the server. Invalid
 * parameters answer 400 with code SCHEME_INVALID and every problem in the message.
 */
export interface CreateSchemeRequest {
  schemeId: string;
  title?: SchemeTitle;
  params: Omit<Scheme, 'id' | 'version' | 'title'> & Partial<Pick<Scheme, 'id' | 'version' | 'title'>>;
}
