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

/**
 * The libraries' boundaries: another lib is reached through its public face (`index.ts`), never a
 * file inside it; only tests name a lib's testing face (`@overlegtafels/<lib>/testing`); nothing
 * climbs out of its own package with a relative path; no lib imports an app. A cycle between libs
 * is caught by scripts/check-boundaries.mjs (a step of `npm test`).
 */
const deepImport = {
  regex: '^@overlegtafels/[a-z-]+/(?!testing$).+',
  message: 'Import another lib through its index (@overlegtafels/<lib>), not a file inside it.',
};
const testingFace = {
  regex: '^@overlegtafels/[a-z-]+/testing$',
  message: "A lib's testing face is for tests and benchmarks only.",
};
const outOfPackage = {
  regex: '^(\\.\\./)+(.*/)?(src|libs|apps)(/|$)',
  message:
    'No relative import out of this package: use @overlegtafels/<lib> (apps are composed only in apps/standalone).',
};
const intoLibs = {
  regex: '^(\\.\\./)+libs/',
  message: 'Tests and benchmarks reach a lib through @overlegtafels/<lib> or its testing face.',
};
const noPersistence = {
  group: ['@overlegtafels/persistence'],
  message: 'The application reaches the database through its ports (libs/application/src/ports).',
};
const testFiles = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.test-util.ts',
  '**/testing/**',
];
const restrict = (...patterns) => ['error', { patterns }];

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
    ignores: testFiles,
    rules: {
      'no-restricted-imports': restrict(...domainForbiddenImports, deepImport, testingFace, outOfPackage),
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
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/domain/**', 'libs/regions/**', ...testFiles],
    rules: { 'no-restricted-imports': restrict(deepImport, testingFace, outOfPackage) },
  },
  {
    files: ['libs/application/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict(deepImport, testingFace, outOfPackage, noPersistence) },
  },
  {
    files: testFiles.map((p) => (p.startsWith('**/') ? `{apps,libs}/${p}` : p)),
    rules: { 'no-restricted-imports': restrict(deepImport, outOfPackage) },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(deepImport, intoLibs) },
  },
  {
    // The composition place: the default mode runs the api and the worker in one process.
    files: ['apps/standalone/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(deepImport, testingFace, {
        regex:
          '^(?!\\.\\./\\.\\./(api/src/create-api-app|worker/src/worker\\.module)$)(\\.\\./)+(.*/)?(src|libs|apps)(/|$)',
        message: 'apps/standalone composes the api and the worker through their entry modules only.',
      }),
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
