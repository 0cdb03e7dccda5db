// Stands in for `@shikijs/vitepress-twoslash/client` when twoslash is off (see vite-plugin.ts):
// with no twoslash popups on any slide, there is nothing for it to install.
export default {
  install(): void {},
}
