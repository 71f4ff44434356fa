// Karma configuration for the SPA's specs (src/app/**/*.spec.ts), read by the
// @angular/build:unit-test builder (runner "karma", runnerConfig "karma.conf.cjs").
// CommonJS because package.json has "type": "module" and Karma loads its config with require().
'use strict';

const fs = require('node:fs');
const path = require('node:path');

process.env.CHROME_BIN ??= '/usr/bin/chromium';

const SUMMARY_FILE = path.join(__dirname, '.tmp', 'karma-summary.json');

/**
 * Writes `.tmp/karma-summary.json` as `{ passed, failed, skipped, error }` when the run ends,
 * so the test orchestrator can sum the suites into one "N passed, N failed" line.
 */
function SummaryReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  // Print nothing of our own; the progress/dots reporter does the talking.
  this.adapters = [];

  this.onRunComplete = (browsers, results) => {
    let skipped = 0;
    browsers.forEach((browser) => {
      skipped += browser.lastResult.skipped;
    });
    const summary = {
      passed: results.success,
      failed: results.failed,
      skipped,
      error: Boolean(results.error || results.disconnected),
    };
    fs.mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
    fs.writeFileSync(SUMMARY_FILE, JSON.stringify(summary) + '\n');
  };
}
SummaryReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  // A stale summary must never be mistaken for this run's result.
  fs.rmSync(SUMMARY_FILE, { force: true });

  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), { 'reporter:summary': ['type', SummaryReporter] }],
    client: {
      jasmine: {
        random: true,
      },
    },
    reporters: ['dots', 'summary'],
    colors: !process.env.CI,
    logLevel: config.LOG_INFO,
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    browserNoActivityTimeout: 120000,
    browserDisconnectTimeout: 30000,
    captureTimeout: 120000,
    singleRun: true,
    restartOnFileChange: true,
  });
};
