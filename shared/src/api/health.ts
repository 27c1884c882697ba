/** GET /api/health */
export interface HealthResponse {
  status: 'ok' | 'error';
  database: { kind: 'sqlite' | 'mysql'; up: boolean; latencyMs?: number };
}

/** Every error response of the API: a stable machine code and a message a person can act on. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}
