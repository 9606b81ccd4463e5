// A directory for the whole Jest run (every worker inherits the variable): test/support/schema-template.ts keeps the
// migrated schema of each profile there, so that the migrations run once per run instead of once per test app.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  process.env.STAFFING_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'staffing-test-run-'));
};
