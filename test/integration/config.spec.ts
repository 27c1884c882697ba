import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { ConfigError, loadConfig, parseDatabaseUrl } from '../../api/src/core/config/app-config';
import { tempDir } from '../support/databases';

const mainJs = join(__dirname, '..', '..', 'dist', 'api', 'main.js');

describe('configuration', () => {
  describe('loadConfig', () => {
    it('should boot SQLite with zero configuration', () => {
      const c = loadConfig({});
      expect(c.database.kind).toBe('sqlite');
      expect(c.port).toBe(3000);
      // no public default key: the app generates one into the database (core/auth/jwt-key.ts)
      expect(c.jwtSecret).toBeNull();
    });

    it.each([
      [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'mysql://user:pw@host:3306/' }, 'DATABASE_URL'],
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
      [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
      [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
      // the placeholders shipped in deploy/ and in templates are public: never a signing key
      [{ JWT_SECRET: 'change-me-to-a-long-random-string' }, 'JWT_SECRET'],
      [{ JWT_SECRET: 'compose-demo-secret-change-me-please' }, 'JWT_SECRET'],
      [{ RUN_CRON: 'every day' }, 'RUN_CRON'],
    ])('should reject %j naming %s', (env, setting) => {
      let err: unknown;
      try {
        loadConfig(env as NodeJS.ProcessEnv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).setting).toBe(setting);
    });

    it('should parse a MySQL URL with an encoded password', () => {
      expect(parseDatabaseUrl('mysql://app:p%40ss@db.local:3307/sci').mysql).toEqual({
        host: 'db.local',
        port: 3307,
        username: 'app',
        password: 'p@ss',
        database: 'sci',
      });
    });
  });

  describe('the built server', () => {
    beforeAll(() => {
      if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: npm test builds the api before this suite`);
    });

    it.each([
      [{ DATABASE_URL: 'oracle://x' }, /^Configuration error: DATABASE_URL: unsupported database URL/],
      [{ DATABASE_URL: 'mysql://nobody:nothing@127.0.0.1:1/none' }, /^Configuration error: DATABASE_URL: cannot use mysql database at 127\.0\.0\.1:1\/none: connection refused/],
      [{ PORT: 'abc' }, /^Configuration error: PORT: "abc" is not an integer/],
    ])('should exit 1 with one clear line for %j', (env, line) => {
      const r = spawnSync(process.execPath, [mainJs], {
        env: { PATH: process.env['PATH'], WEB_DIST: '', SEED_DEMO: 'false', DATABASE_URL: `sqlite:${tempDir()}/a.sqlite`, ...env },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
    });
  });
});
