import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'libs/database/src/migrations/**',
      // Generated from the OpenAPI document (npm run web:types); CI checks it is current.
      'apps/web/src/api/schema.d.ts',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { sourceType: 'module', projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      // An async method implementing a Promise-returning interface needs no await (a sync driver, a stub); what matters,
      // promises left floating or passed where none is expected, stays checked (no-floating-promises, no-misused-promises).
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through AppConfig (libs/config), not process.env.',
        },
      ],
    },
  },
  {
    // The web console and its browser tests: no AppConfig there (the browser has no process.env; the tests' server is configured by them).
    files: ['libs/config/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', '@app/*'],
              message: 'libs/domain is pure: no framework, no I/O, no other libs.',
            },
          ],
        },
      ],
    },
  },
  {
    // End-to-end tests read HTTP bodies, which are untyped (supertest's body is any); the contract test holds them to the OpenAPI document.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(Logger.prototype.error).not.toHaveBeenCalled(): jest spies are asserted on unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
