import {
  CHECK_CODES,
  CLASS_CODES,
  type CheckCode,
  type ClassCode,
  type EvaluationDetailResponse,
  type Flag,
  type Grade,
  type UnitResultDetailResponse,
} from '@sci/shared';

/** At most this many units side by side (issue 14: two to four). */
export const MAX_COMPARED = 4;

/** docs/access.md: a peer statistic is shown only for a set of at least this many scored units. */
export const MIN_DISCLOSED_GROUP = 5;

/** One column of the compare table: a unit, or the peer median of the first unit's peer set. */
export interface CompareColumn {
  key: string;
  code: string | null;
  name: string;
  median: boolean;
  composite: number | null;
  grade: Grade | null;
  quantitative: number | null;
  qualitative: number | null;
  rankLevel: number | null;
  /** composite change since the previous quarter in the unit's history (null: none) */
  trend: number | null;
  values: Record<ClassCode, number | null>;
  scores: Record<ClassCode, number | null>;
  flags: Flag[];
  /** certification checks of the period's year (null: no application, or not visible) */
  checks: Partial<Record<CheckCode, boolean>> | null;
}

/** The unit codes of a `units=A,B` query param: distinct, at most four. */
export function parseUnits(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  const codes = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_-]{1,32}$/.test(s));
  return [...new Set(codes)].slice(0, MAX_COMPARED);
}

export function unitColumn(
  d: UnitResultDetailResponse,
  cert: EvaluationDetailResponse | null,
): CompareColumn {
  const r = d.result;
  const scored = d.history.filter((h) => h.scored);
  const prev = scored.length >= 2 ? scored[scored.length - 2] : null;
  return {
    key: r.code,
    code: r.code,
    name: r.name,
    median: false,
    composite: r.scored ? r.composite : null,
    grade: r.grade,
    quantitative: r.scored ? r.quantitative : null,
    qualitative: r.scored ? r.qualitative : null,
    rankLevel: r.rankLevel,
    trend: r.scored && prev ? r.composite - prev.composite : null,
    values: r.values,
    scores: r.scores,
    flags: r.flags,
    checks: cert
      ? (Object.fromEntries(
          cert.checks.map((c) => [c.code, c.pass]),
        ) as Partial<Record<CheckCode, boolean>>)
      : null,
  };
}

/** The median of the unit's peer set, only when that set may be disclosed; aggregates only. */
export function medianColumn(
  d: UnitResultDetailResponse,
  label: string,
): CompareColumn | null {
  if (d.peerSetSize < MIN_DISCLOSED_GROUP) return null;
  const none = Object.fromEntries(CLASS_CODES.map((c) => [c, null])) as Record<
    ClassCode,
    null
  >;
  return {
    key: `median:${d.result.code}`,
    code: null,
    name: label,
    median: true,
    composite: d.peerCompositeMedian,
    grade: null,
    quantitative: null,
    qualitative: null,
    rankLevel: null,
    trend: null,
    values: {
      ...none,
      ...Object.fromEntries(
        CLASS_CODES.map((c) => [c, d.peers[c].values.median]),
      ),
    },
    scores: {
      ...none,
      ...Object.fromEntries(
        CLASS_CODES.map((c) => [c, d.peers[c].scoreMedian]),
      ),
    },
    flags: [],
    checks: null,
  };
}

export const COMPARED_CHECKS = CHECK_CODES;
