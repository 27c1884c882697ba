export const ROLES = ['regulator', 'bank_hq', 'branch', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which accounts a role may create, enable, disable or reset (docs/access.md, "Accounts"): an
 * admin manages bank accounts; regulator and admin accounts are a regulator's, so an admin
 * cannot make itself a regulator and then publish runs or decide certifications.
 */
export const MANAGED_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  admin: ['bank_hq', 'branch'],
  regulator: ['regulator', 'admin'],
  bank_hq: [],
  branch: [],
};

export function mayManage(caller: Role, target: Role): boolean {
  return MANAGED_ROLES[caller].includes(target);
}

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

/**
 * Password rules, shared by the API (enforced) and the web (shown before submitting).
 * - at least 10 characters (code points: 10 Chinese characters count as 10), any script;
 * - at most 72 UTF-8 bytes: bcrypt reads only the first 72 bytes, so a longer password would
 *   silently log in with any tail. Refused rather than pre-hashed, because a pre-hash changes
 *   every stored hash's meaning and bcrypt stops at a NUL byte in a binary digest; 72 bytes is
 *   still 24 Chinese characters or 72 Latin ones;
 * - no control characters (C0, DEL, C1: NUL, tab, line breaks...): they cannot be typed the same
 *   way twice and a NUL truncates the password in some bcrypt implementations;
 * - not containing the username;
 * - a zxcvbn-ts strength score of at least 3 of 4 ("safely unguessable": no dictionary words,
 *   repeats, sequences or keyboard walks padded with digits). Composition rules ("letters and
 *   digits") are gone: they refused Chinese passwords and accepted `Password123`.
 */
export const PASSWORD_RULES = { minLength: 10, maxBytes: 72, minScore: 3 } as const;

export type PasswordProblemCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_CONTROL_CHARACTER'
  | 'PASSWORD_CONTAINS_USERNAME'
  | 'PASSWORD_TOO_WEAK';

/** Why a password is refused, with the words in both languages (the API sends `code` and `en`). */
export interface PasswordProblem {
  code: PasswordProblemCode;
  zh: string;
  en: string;
}

/** A strength estimator: the zxcvbn score 0..4 of a password given words the user is known by. */
export type PasswordStrength = (password: string, userInputs: string[]) => number;

/** C0 controls, DEL and C1 controls (written as a class of code points so no literal control character is in the source). */
const isControl = (password: string): boolean => [...password].some((ch) => {
  const c = ch.codePointAt(0) as number;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
});

/**
 * Why a password breaks the rules, or null when it is acceptable. `strength` is the estimator
 * from loadPasswordStrength(); the API always passes it. The web may call without it while the
 * estimator's dictionaries are still loading (the API decides in the end).
 */
export function passwordProblem(password: string, username?: string, strength?: PasswordStrength | null): PasswordProblem | null {
  const r = PASSWORD_RULES;
  if (isControl(password)) {
    return { code: 'PASSWORD_CONTROL_CHARACTER', zh: '密码不能包含控制字符（如制表符、换行、NUL）', en: 'password must not contain control characters (tab, line break, NUL...)' };
  }
  if ([...password].length < r.minLength) {
    return { code: 'PASSWORD_TOO_SHORT', zh: `密码至少 ${r.minLength} 个字符`, en: `password must have at least ${r.minLength} characters` };
  }
  if (new TextEncoder().encode(password).length > r.maxBytes) {
    return {
      code: 'PASSWORD_TOO_LONG',
      zh: `密码最多 ${r.maxBytes} 字节（UTF-8；一个汉字占 3 字节，最多 24 个汉字）`,
      en: `password must have at most ${r.maxBytes} bytes in UTF-8 (a Chinese character takes 3)`,
    };
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'PASSWORD_CONTAINS_USERNAME', zh: '密码不能包含用户名', en: 'password must not contain the username' };
  }
  if (strength && strength(password, username ? [username] : []) < r.minScore) {
    return {
      code: 'PASSWORD_TOO_WEAK',
      zh: '密码太容易被猜中：请避免常见单词、重复、顺序和键盘连续字符，可用一句较长的话',
      en: 'password is too easy to guess: avoid common words, repeats, sequences and keyboard runs; a long phrase works well',
    };
  }
  return null;
}

/**
 * The zxcvbn-ts estimator with its common and English dictionaries. Loaded on demand (about
 * 5 MB of word lists): the web fetches it as a lazy chunk when a password form opens; the API
 * loads it once at boot.
 */
export async function loadPasswordStrength(): Promise<PasswordStrength> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const z = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  // zxcvbn's cost grows with the length; PASSWORD_RULES.maxBytes bounds what reaches it
  return (password, userInputs) => z.check(password, userInputs).score;
}
