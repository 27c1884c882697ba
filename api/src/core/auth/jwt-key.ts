import { Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/** The HS256 key tokens are signed and verified with (JWT_SECRET, or the generated one). */
export const JWT_SIGNING_KEY = Symbol('JWT_SIGNING_KEY');

const NAME = 'jwt_signing_key';
let warned = false;

/**
 * JWT_SECRET when set; otherwise a random 384-bit key generated on the first start and kept in
 * the database (table app_secret), so restarts and replicas agree and nobody can sign with a
 * string published in a repository. Two replicas starting at once: the first insert wins, the
 * other reads it back.
 */
export async function resolveJwtKey(config: AppConfig, dataSource: DataSource, logger = new Logger('Auth')): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const read = async (): Promise<string | null> => {
    const rows: { value: string }[] = await dataSource.query('SELECT value FROM app_secret WHERE name = ?', [NAME]);
    return rows[0]?.value ?? null;
  };
  let key = await read();
  let generated = false;
  if (key === null) {
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    try {
      await dataSource.query('INSERT INTO app_secret (name, value, created_at) VALUES (?, ?, ?)', [NAME, randomBytes(48).toString('base64url'), now]);
      generated = true;
    } catch {
      // another replica inserted it first; its key is read below
    }
    key = await read();
    if (key === null) throw new Error('could not store the generated JWT signing key in app_secret');
  }
  if (!warned) {
    warned = true;
    logger.warn(
      generated
        ? 'JWT_SECRET is not set: generated a random token signing key and stored it in the database (app_secret). Set JWT_SECRET to manage the key yourself.'
        : 'JWT_SECRET is not set: signing tokens with the random key stored in the database (app_secret).',
    );
  }
  return key;
}
