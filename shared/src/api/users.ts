import type { Role } from './auth';

/** A user account as listed for admins (GET /api/users); never the password hash. */
export interface UserResponse {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  bankCode: string | null;
  unitCode: string | null;
  disabled: boolean;
  /** ISO time until which logins are refused after repeated failures; null when not locked */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserListResponse {
  items: UserResponse[];
}

/**
 * POST /api/users. bank_hq needs bankCode (a bank's head unit code); branch needs unitCode
 * (its bank is taken from the unit); regulator and admin take neither.
 */
export interface CreateUserRequest {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  bankCode?: string;
  unitCode?: string;
}

/** POST /api/users/:id/reset-password */
export interface ResetPasswordRequest {
  password: string;
}
