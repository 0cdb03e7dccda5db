import Beasties from 'beasties'

/**
 * The page with the CSS its copy of the slide needs in a `<style>` of its own, taken by Beasties
 * from every stylesheet the page links (read from the site's folder `dir`, served under `base`):
 * the rules whose selectors match the page and the keyframes they use. The links stay where they are (`deferApp` moves them), and no
 * `<style>` already in the page is touched: the deck needs all of it once it runs.
 */
export async function inlineCriticalCss(html: string, { dir, base, warn }: { dir: string, base: string, warn: (line: string) => void }): Promise<string> {
  const beasties = new Beasties({
    path: dir,
    publicPath: base,
    preload: false as unknown as 'body',
    pruneSource: false,
    reduceInlineStyles: false,
    mergeStylesheets: true,
    // The faces the slide uses are known to the browser that copied it (snapshot.ts), even through
    // `var(--font)`, which Beasties cannot follow: page.ts writes them.
    fonts: false,
    keyframes: 'critical',
    // Beasties matches a selector with its pseudo-classes stripped, so `.a :not(pre)>code` is tried as
    // `.a >code` and missed. A rule with a functional pseudo-class is kept whatever it matches.
    // Nor does it match a class of `<html>` itself (`html.dark { --code-bg: … }`, a dark theme's
    // variables): rules on the root are kept whatever its classes.
    allowRules: [/:(?:not|is|where|has)\(/, /^(?:html|:root)[.:[#\s]/],
    compress: true,
    logger: {
      warn,
      error: warn,
      info: () => {},
      trace: () => {},
      debug: () => {},
    },
  })
  return beasties.process(html)
}
