// @ts-check
/**
 * `npm run test:mutation`: StrykerJS changes the modules that carry the talk's facts and rules, one
 * small change (a mutant) at a time, and runs the unit tests against each; a mutant no test notices
 * is a gap in the tests. The run fails below a mutation score of 80 %. The HTML report is written to
 * reports/mutation/index.html. Vue files: only their <script> is mutated, not the template.
 * Of the addons: the deck check's rules and scanner, the reading view's generator and view switch,
 * and the road's path and pace arithmetic. Their Vite plugins are left out: Vite glue (dev
 * middleware, build output, Slidev's files swapped) that only a dev server or a build runs, so the
 * browser tests hold them (tests/e2e/dev-server.spec.ts, reading-view.spec.ts, detour.spec.ts).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './tests/support/stryker-vue-macros.mjs'],
  ignorers: ['vue-macros'],
  vitest: {
    configFile: 'vitest.config.ts',
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'data/**/*.ts',
    'components/**/*.vue',
    'setup/deck-check.ts',
    'addons/deck-check/{check,markdown}.ts',
    'addons/reading-view/{render,view-switch,slides}.ts',
    'addons/road/{road,plan}.ts',
    '!**/*.d.ts',
    '!**/*.{test,spec}.ts',
  ],
  ignorePatterns: [
    'dist',
    'test-results',
    'playwright-report',
    'reports',
    'bench/*.json',
    '*.pdf',
    '.slidev',
    '.tools',
    '.scratch',
    '.fixture-deck',
  ],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: [
    'html',
    'clear-text',
    'progress',
  ],
  htmlReporter: {
    fileName: 'reports/mutation/index.html',
  },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportScoreTable: true,
  },
  thresholds: {
    high: 90,
    low: 80,
    break: 80,
  },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
