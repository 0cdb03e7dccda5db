/**
 * The words the addons name a broken slide with, written once: the deck check (while Slidev compiles
 * and renders), its look at the built deck, and the reading view all say the same of the same slide.
 */

/** `slides.md:12 (slide 2): …`: where a problem is, then what it is. */
export function problemLine(file: string, line: number, slide: number, message: string): string {
  return `${file}:${line} (slide ${slide}): ${message}`
}

/** What a slide that throws while it renders is told. */
export function throwsWhileRendering(error: string, component?: string): string {
  return `the slide throws while it renders (${error}${component
    ? `, in <${component}>`
    : ''}), so it shows blank. Check the expressions and components on it.`
}
