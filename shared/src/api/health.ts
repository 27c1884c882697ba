/** GET /api/health */
export interface HealthResponse {
  status: 'ok' | 'error';
  database: { kind: 'sqlite' | 'mysql'; up: boolean; latencyMs?: number };
}

/**
 * Every error response of the API: a stable machine code, its params and a message a person can
 * act on. `message` is English (scripts, logs); screens render `code` + `params` from the shared
 * message catalogs (shared/src/messages) in the reader's language.
 */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  params?: Record<string, string | number>;
  details?: unknown;
}
