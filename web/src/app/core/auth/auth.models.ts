import type { AuthUserResponse } from '@sci/shared';

/** The signed-in user (GET /api/auth/me, the login response's user). */
export type SessionUser = AuthUserResponse;

/** The session as the web keeps it in storage. */
export interface Session {
  token: string;
  /** epoch ms */
  expiresAt: number;
  user: SessionUser;
}
