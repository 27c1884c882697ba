import { ConfigError } from '../config/app-config';

/**
 * Login hardening settings, read once from the environment (every key is in .env.example).
 * Kept beside the auth code rather than in AppConfig so the auth feature owns its settings;
 * the same ConfigError naming the key is thrown for a bad value.
 */
export interface AuthConfig {
  /** login attempts allowed per (client address, username) per window */
  loginLimit: number;
  /** login attempts allowed per client address per window, across usernames */
  loginIpLimit: number;
  loginWindowMs: number;
  /** consecutive failed logins that lock an account */
  lockoutThreshold: number;
  lockoutMs: number;
  /** requests per minute per signed-in user (else per address) on the whole API; 0 = off */
  apiRateLimit: number;
  /** bcrypt cost factor of new password hashes */
  bcryptRounds: number;
}

function int(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(key, `"${raw}" is not an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(key, `${n} is outside ${min}..${max}`);
  return n;
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return Object.freeze({
    loginLimit: int(env, 'AUTH_LOGIN_LIMIT', 10, 1, 100000),
    loginIpLimit: int(env, 'AUTH_LOGIN_IP_LIMIT', 50, 1, 1000000),
    loginWindowMs: int(env, 'AUTH_LOGIN_WINDOW_SEC', 60, 1, 86400) * 1000,
    lockoutThreshold: int(env, 'AUTH_LOCKOUT_THRESHOLD', 5, 1, 1000),
    lockoutMs: int(env, 'AUTH_LOCKOUT_MINUTES', 15, 1, 10080) * 60 * 1000,
    apiRateLimit: int(env, 'API_RATE_LIMIT', 600, 0, 1000000),
    bcryptRounds: int(env, 'BCRYPT_ROUNDS', 10, 4, 15),
  });
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
