export const ROLES = ['regulator', 'bank_hq', 'branch', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

/** The signed-in user as the API shows it (GET /api/auth/me, login response). */
export interface AuthUserResponse {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** bank_hq: its bank; branch: the bank of its unit; null for regulator and admin */
  bankCode: string | null;
  /** branch: the root unit of its subtree; null otherwise */
  unitCode: string | null;
}

/** POST /api/auth/login, POST /api/auth/password */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** seconds until the token expires */
  expiresIn: number;
  user: AuthUserResponse;
}

/** POST /api/auth/password: change one's own password (ends every other session). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Password rules, shared by the API (enforced) and the web (shown before submitting). */
export const PASSWORD_RULES = { minLength: 10, maxLength: 128 } as const;

/**
 * Why a password breaks the rules, or null when it is acceptable: at least 10 characters,
 * at least one letter and one digit, not containing the username.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_RULES.minLength) return `password must have at least ${PASSWORD_RULES.minLength} characters`;
  if (password.length > PASSWORD_RULES.maxLength) return `password must have at most ${PASSWORD_RULES.maxLength} characters`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'password must contain letters and digits';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password must not contain the username';
  }
  return null;
}
