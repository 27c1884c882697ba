import nx from '@nx/eslint-plugin';
import baseConfig from '../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'app',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'app',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // Everything on screen follows the scheme version of the run shown (GET /api/schemes/:id/:version,
    // core/scheme/scheme.store.ts); the default scheme is for tests only.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@sci/shared',
              importNames: ['SCHEME_SDTF_2025'],
              message: 'Load the scheme of the run shown (SchemeStore / runScheme), never the default.',
            },
          ],
          patterns: [
            {
              group: ['**/scheme-sdtf-2025*'],
              message: 'Load the scheme of the run shown (SchemeStore / runScheme), never the default.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    rules: {
      // ng-zorro's form controls are components; a <label> wrapping one labels it.
      '@angular-eslint/template/label-has-associated-control': [
        'error',
        { controlComponents: ['nz-switch', 'nz-select', 'nz-input-number'] },
      ],
    },
  },
];
