/** One suite, two projects: pure/unit specs beside the code, end-to-end specs under test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const libs = [
  'domain',
  'config',
  'database',
  'queue',
  'core',
  'auth',
  'registry',
  'policy',
  'audit',
  'training',
  'eligibility',
  'notifications',
  'shortages',
  'staffing',
  'staff-requests',
  'rotation',
  'transfers',
];
const moduleNameMapper = Object.fromEntries(
  libs.flatMap((lib) => [
    [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src`],
    [`^@app/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
  ]),
);
moduleNameMapper['^@app/seeds/(.*)$'] = '<rootDir>/seeds/$1';

const common = { transform: { '^.+\\.ts$': swc }, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // Jest reads the timeout from the top level only (a project's own testTimeout is ignored): e2e hooks boot an app and a database.
  testTimeout: 60000,
  // One directory per run, where the e2e apps find the migrated schema of their profile (test/support/schema-template.ts).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/seeds', '<rootDir>/bench'],
      testRegex: '\\.spec\\.ts$',
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testRegex: '\\.e2e-spec\\.ts$',
    },
  ],
};
