import type { Config } from 'jest';

/**
 * Benchmarks (`npm run bench`), not part of `npm test`: each `*.bench.ts` measures and prints its
 * figures. Same transform as the integration suites.
 */
const config: Config = {
  displayName: 'bench',
  rootDir: '../..',
  roots: ['<rootDir>/test/bench'],
  testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: false }] },
  moduleNameMapper: { '^@sci/shared$': '<rootDir>/shared/src/index.ts' },
  testTimeout: 1800000,
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
};
export default config;
