import type { ClassCode, Grade } from '../format/enums';

/**
 * Scoring runs (spec section 8): one scheme version applied to one period's data. A run's
 * results are immutable; a regulator publishes a run and the dashboard shows the latest
 * published run of each period. Drafts (unpublished runs) are visible to regulator and admin only.
 */
export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** `schedule`: the cron tick; `user`: a manual trigger (web, CLI, demo seeding). */
export const RUN_TRIGGERS = ['schedule', 'user'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** What a running run is doing, for a progress bar. */
export const RUN_STAGES = ['queued', 'loading', 'scoring', 'writing', 'done'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** GET /api/runs/:id and every list of runs. Times are ISO 8601 (UTC). */
export interface RunResponse {
  id: number;
  period: string;
  schemeId: string;
  schemeVersion: number;
  /** sha256 over every input row the run read (hex); null until the inputs are read */
  fingerprint: string | null;
  status: RunStatus;
  /** why a failed run failed */
  error: string | null;
  trigger: RunTrigger;
  /** username of whoever triggered it; null for the schedule */
  triggeredBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  published: boolean;
  publishedBy: string | null;
  publishedAt: string | null;
  /** units listed (scored or not) and units scored (A > 0); 0 until written */
  unitCount: number;
  scoredCount: number;
  stage: RunStage;
  /** 0-100 */
  progress: number;
  /** loan rows aggregated so far (while loading) */
  rowsRead: number;
  /** what the run noticed about its inputs, one line each (e.g. rows changed outside an import) */
  log: string[];
}

/** GET /api/runs?period= (newest first) */
export interface RunListResponse {
  items: RunResponse[];
}

/** POST /api/runs (regulator, admin): scores a period now; defaults to the default scheme version. */
export interface TriggerRunRequest {
  period: string;
  schemeId?: string;
  schemeVersion?: number;
}

/** 202 answer of POST /api/runs: poll GET /api/runs/:id for progress. */
export interface TriggerRunResponse {
  runId: number;
  status: RunStatus;
}

/** A value in run a, in run b, and b - a (null when either side is null). */
export interface DiffValue<T> {
  a: T | null;
  b: T | null;
  delta: number | null;
}

/** One unit whose grade or a rank changed between two runs (or that is in one run only). */
export interface RunDiffUnit {
  code: string;
  name: string;
  level: string;
  peerGroup: string;
  bankCode: string;
  grade: { a: Grade | null; b: Grade | null; changed: boolean };
  /** rank deltas are b - a: negative means the unit moved up */
  rankLevel: DiffValue<number>;
  rankPeer: DiffValue<number>;
  rankBank: DiffValue<number>;
  composite: DiffValue<number>;
  /** the class whose score moved most (largest |b - a|); null when no class score moved */
  topClass: { code: ClassCode; a: number; b: number; delta: number } | null;
  /** 'a' or 'b' when the unit is scored in one run only */
  onlyIn: 'a' | 'b' | null;
}

/** GET /api/runs/:a/diff/:b: units ordered by |composite delta| descending, then code. */
export interface RunDiffResponse {
  a: RunResponse;
  b: RunResponse;
  units: RunDiffUnit[];
  /** scored units in both runs with the same grade and ranks */
  unchangedCount: number;
}

/** GET /api/periods: every period with loan data, newest first. */
export interface PeriodInfo {
  period: string;
  /** the period's date (last day of the quarter) */
  date: string;
  /** what the dashboard shows for the period */
  latestPublishedRun: RunResponse | null;
  /** the newest run of any status (regulator and admin only; null for bank users) */
  latestRun: RunResponse | null;
}

export interface PeriodListResponse {
  items: PeriodInfo[];
}
