// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Libraries the pure domain may never reach for: it stays framework-, database- and clock-free. */
const domainForbiddenImports = [
  {
    group: [
      '@nestjs/*',
      '@prisma/*',
      'prisma',
      'bullmq',
      'ioredis',
      'pg',
      'nodemailer',
      'smtp-server',
      'mjml',
    ],
    message: 'libs/domain is pure TypeScript: no framework, database, queue or mail imports.',
  },
  {
    group: ['@overlegtafels/*', '!@overlegtafels/domain'],
    message: 'libs/domain depends on nothing else in the monorepo.',
  },
  {
    group: ['node:*', 'fs', 'path', 'child_process', 'os', 'net', 'http', 'https'],
    message: 'libs/domain does no I/O.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'libs/persistence/src/generated/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/regions/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: domainForbiddenImports }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Configuration reaches the domain as arguments, never through process.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain takes a Clock or a now argument; it never reads the system clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain takes a Clock or a now argument; it never reads the system clock.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'The domain takes a Clock or a now argument; it never reads the system clock.',
        },
      ],
    },
  },
  {
    // process.env is read in exactly one place: the validated config schema.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**', 'libs/testing/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @overlegtafels/config.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
