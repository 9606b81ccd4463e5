// Removes the run's directory made by test/support/global-setup.js.
const { rmSync } = require('node:fs');

module.exports = async () => {
  if (process.env.STAFFING_TEST_RUN_DIR) rmSync(process.env.STAFFING_TEST_RUN_DIR, { recursive: true, force: true });
};
