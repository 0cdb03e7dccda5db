// Reports an error thrown while a slide renders (a Vue expression, a component's setup or render,
// a component that fails to load) with the slide's number, instead of a blank slide and a stack
// trace nobody connects to slides.md. The build's render check (render-check.ts) reads the
// line from the browser console; the dev server (vite-plugin.ts) turns it into
// `slides.md:LINE (slide N): …` in the terminal and the browser's error overlay.
import type { App, ComponentInternalInstance, ComponentPublicInstance } from 'vue'

export interface SlideError {
  /** The slide's number, as in its URL; undefined for an error outside any slide. */
  no?: number
  /** Name of the component that threw (a component of the slide, its layout, or the slide itself). */
  component?: string
  message: string
}

/** `Slide 2 <BrokenChart>: TypeError: …`: the console line the build's render check parses. */
export const slideErrorPattern = /^Slide (\d+|\?)(?: <([\w.-]+)>)?: (.*)$/s

export function formatSlideError({ no, component, message }: SlideError): string {
  return `Slide ${no ?? '?'}${component
    ? ` <${component}>`
    : ''}: ${message}`
}

/** The slide an instance belongs to: the nearest SlideWrapper above it, which holds the slide's route. */
export function slideErrorOf(error: unknown, instance: ComponentPublicInstance | null): SlideError {
  const message = error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error)
  let current: ComponentInternalInstance | null = instance?.$ ?? null
  const component = current?.type.__name ?? current?.type.name
  while (current) {
    const route = (current.props as { route?: { no?: unknown } }).route
    if (route && typeof route.no === 'number' && 'clicksContext' in current.props)
      return { no: route.no, component, message }
    current = current.parent
  }
  return { component, message }
}

/** How long after an error the dev server is told it again after each hot update, in ms. */
const REPORT_AGAIN_FOR = 15_000

export function reportSlideErrors(app: App): void {
  let last: { report: SlideError, at: number } | undefined
  // Vite's client clears its error overlay on every hot update, and a page that has just loaded
  // gets a few (UnoCSS adds the CSS of each module it sees): tell the dev server again after those
  // that follow an error closely, so that the overlay stays.
  import.meta.hot?.on('vite:afterUpdate', () => {
    if (last && performance.now() - last.at < REPORT_AGAIN_FOR)
      import.meta.hot?.send('deck:slide-error', last.report)
  })
  app.config.errorHandler = (error, instance) => {
    const report = slideErrorOf(error, instance)
    // The line first, on its own: the error (with its stack, for the browser's console) after it.
    console.error(`${formatSlideError(report)}\n`, error)
    last = {
      report,
      at: performance.now(),
    }
    import.meta.hot?.send('deck:slide-error', report)
  }
}
