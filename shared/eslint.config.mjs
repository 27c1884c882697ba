import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: ['{projectRoot}/eslint.config.{js,cjs,mjs,ts,cts,mts}', '{projectRoot}/src/**/*.spec.ts', '{projectRoot}/src/**/*.spec-helper.ts'],
        },
      ],
    },
    languageOptions: {
      parser: await import('jsonc-eslint-parser'),
    },
  },
  {
    // The library is pure: contracts and the scoring engine. No I/O, no frameworks, no clock.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.spec-helper.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto'], message: 'shared/ does no I/O' },
            { group: ['@nestjs/*', 'typeorm', '@angular/*', 'rxjs', 'express'], message: 'shared/ is framework-free' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the engine is deterministic: pass dates in' },
        { object: 'Math', property: 'random', message: 'the engine is deterministic' },
      ],
    },
  },
];
