import { hostname } from 'os';

/**
 * Configuration is read once at boot from the environment into a typed, frozen object.
 * Zero configuration boots the embedded default (SQLite file under ./data).
 * Every key is listed in .env.example and in the README configuration table.
 */
export type DatabaseKind = 'sqlite' | 'mysql';

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** sqlite: file path (or ':memory:'); mysql: the full URL */
  url: string;
  sqlitePath?: string;
  mysql?: { host: string; port: number; username: string; password: string; database: string };
}

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** JWT_SECRET; null = use the random key generated into the database (core/auth/jwt-key.ts) */
  jwtSecret: string | null;
  jwtExpiresIn: string;
  /** cron expression of the quarterly scoring run; empty disables the schedule */
  runCron: string;
  /** seed the demo province into an empty database at boot */
  seedDemo: boolean;
  /** folder of the built Angular app; empty disables static serving */
  webDist: string;
  corsOrigin: string;
  /** max upload size in bytes */
  uploadLimit: number;
  /** a process id used as lease holder by the scheduler */
  instanceId: string;
  /** how long a run's lease lives without a heartbeat (RUN_LEASE_TTL_SEC) */
  runLeaseTtlMs: number;
  /** on SIGTERM, how long running work may take to finish before it is failed (SHUTDOWN_GRACE_SEC) */
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

export const DEFAULT_SQLITE_URL = 'sqlite:./data/app.sqlite';

/** Parses `sqlite:<path>` or `mysql://user:pass@host:port/db` into a DatabaseConfig. */
export function parseDatabaseUrl(raw: string, setting = 'DATABASE_URL'): DatabaseConfig {
  const url = raw.trim();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError(setting, `"${raw}" has no file path (expected sqlite:./data/app.sqlite)`);
    return { kind: 'sqlite', url, sqlitePath: path };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new ConfigError(setting, `"${raw}" is not a valid URL (expected mysql://user:pass@host:3306/db)`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!parsed.hostname) throw new ConfigError(setting, `"${raw}" has no host`);
    if (!database) throw new ConfigError(setting, `"${raw}" names no database (expected mysql://user:pass@host:3306/db)`);
    const port = parsed.port ? Number(parsed.port) : 3306;
    return {
      kind: 'mysql',
      url,
      mysql: {
        host: parsed.hostname,
        port,
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
        database,
      },
    };
  }
  throw new ConfigError(
    setting,
    `unsupported database URL "${raw}" (expected sqlite:<file> or mysql://user:pass@host:3306/db)`,
  );
}

function intSetting(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(key, `"${raw}" is not an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(key, `${n} is outside ${min}..${max}`);
  return n;
}

function boolSetting(env: NodeJS.ProcessEnv, key: string, def: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(key, `"${raw}" is not a boolean (true/false)`);
}

/** Validates the environment into an AppConfig; throws ConfigError naming the setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const database = parseDatabaseUrl(env['DATABASE_URL'] || DEFAULT_SQLITE_URL);
  // Never a public default: unset means a random key generated once and kept in the database.
  const jwtSecret = env['JWT_SECRET'] || null;
  if (env['NODE_ENV'] === 'production' && !jwtSecret) {
    throw new ConfigError('JWT_SECRET', 'must be set when NODE_ENV=production');
  }
  if (jwtSecret !== null && jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
  // the placeholders of .env.example-style templates and deploy/ are published: refuse them
  if (jwtSecret !== null && /change[-_ ]?me|example|placeholder/i.test(jwtSecret)) {
    throw new ConfigError('JWT_SECRET', 'is a published placeholder; set a random string (e.g. openssl rand -base64 48)');
  }
  const jwtExpiresIn = env['JWT_EXPIRES_IN'] || '8h';
  if (!/^\d+[smhd]$/.test(jwtExpiresIn)) throw new ConfigError('JWT_EXPIRES_IN', `"${jwtExpiresIn}" is not like 8h, 30m`);
  const runCron = env['RUN_CRON'] ?? '0 0 2 20 1,4,7,10 *';
  if (runCron && runCron.trim().split(/\s+/).length < 5) {
    throw new ConfigError('RUN_CRON', `"${runCron}" is not a cron expression`);
  }
  return Object.freeze({
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    database,
    jwtSecret,
    jwtExpiresIn,
    runCron,
    seedDemo: boolSetting(env, 'SEED_DEMO', true),
    webDist: env['WEB_DIST'] ?? 'dist/web/browser',
    corsOrigin: env['CORS_ORIGIN'] || '',
    uploadLimit: intSetting(env, 'UPLOAD_LIMIT_MB', 200, 1, 4096) * 1024 * 1024,
    instanceId: env['INSTANCE_ID'] || `${hostname()}-${process.pid}`,
    runLeaseTtlMs: intSetting(env, 'RUN_LEASE_TTL_SEC', 60, 1, 3600) * 1000,
    shutdownGraceMs: intSetting(env, 'SHUTDOWN_GRACE_SEC', 20, 0, 3600) * 1000,
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
