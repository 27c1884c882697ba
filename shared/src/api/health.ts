/** GET /api/health */
export interface HealthResponse {
  status: 'ok' | 'error';
  database: { kind: 'sqlite' | 'mysql'; up: boolean; latencyMs?: number };
  /** readiness: whether every schema migration has been applied */
  migrations?: 'done' | 'pending';
}

/** GET /api/health/live: the process is up and its event loop answers (no database involved). */
export interface LivenessResponse {
  status: 'ok';
  uptimeSec: number;
}

/** Every error response of the API: a stable machine code and a message a person can act on. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}
