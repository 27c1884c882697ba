/**
 * Actions of the audit log. Features record the ones they own; the list documents them and the
 * web uses it for the filter. New actions may be appended.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'import.completed',
  'import.failed',
  'run.triggered',
  'run.published',
  'scheme.version_created',
  'application.submitted',
  'application.withdrawn',
  'certification.created',
  'certification.window_opened',
  'certification.window_closed',
  'certification.evaluated',
  'certification.published',
  'decision.recorded',
  'export.downloaded',
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One entry of GET /api/audit. */
export interface AuditEntryResponse {
  id: number;
  /** ISO time */
  at: string;
  /** username, or the attempted username of a failed login */
  actor: string;
  role: string | null;
  action: string;
  /** what the action was about, e.g. `user:12`, `run:2025Q4`, `import:7` */
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  outcome: AuditOutcome;
}

export interface AuditPageResponse {
  items: AuditEntryResponse[];
  total: number;
  page: number;
  pageSize: number;
}
