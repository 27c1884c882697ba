import type { Config } from 'jest';

/**
 * Cross-app suites: integration on a real database (SQLite always, MySQL when TEST_MYSQL_URL is
 * set) and real-browser end-to-end (when a Chromium is found). Run serially: they share servers.
 */
const config: Config = {
  displayName: 'test',
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: false }] },
  moduleNameMapper: { '^@sci/shared$': '<rootDir>/shared/src/index.ts' },
  testTimeout: 120000,
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
};
export default config;
