import antfu from '@antfu/eslint-config'

// The Slidev ecosystem's lint rules: TypeScript, Vue, JSON, and markdown with its code blocks.
export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: true,
    formatters: false,
    ignores: [
      'dist*/**',
      '.tools/**',
      '.scratch/**',
      '.fixture-deck/**',
      '.slidev/**',
      'tests/fixtures/**',
      // Decks no one here wrote, kept as published (tests/real-decks/README.md).
      'tests/real-decks/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
      '**/*.pdf',
      // The code on the slides is part of the talk, laid out for the audience (aligned comments,
      // one-line arrays): the deck's markdown is linted, the code blocks in it are not.
      'slides.md/**',
    ],
  },
  {
    // Playwright's locator.innerText() is not the DOM property the rule is about.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'unicorn/prefer-dom-node-text-content': 'off',
    },
  },
  {
    // An addon's command (its package.json bin): an ES module that awaits its one job at the top.
    files: ['addons/*/bin/*.mjs'],
    rules: {
      'antfu/no-top-level-await': 'off',
    },
  },
  {
    // Command-line tools: the console is how they talk.
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'tools/**/*.ts'],
    rules: {
      'no-console': 'off',
    },
  },
  {
    // npm applies `files` in order: the addons' "!**/*.test.ts" must come after the globs it narrows.
    files: ['addons/*/package.json'],
    rules: {
      'jsonc/sort-array-values': 'off',
    },
  },
  {
    // A deck is many pages: every section slide has its own h1, and a slide may start at h3.
    files: ['slides.md'],
    rules: {
      'markdown/no-multiple-h1': 'off',
      'markdown/heading-increment': 'off',
    },
  },
)
