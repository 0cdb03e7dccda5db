import type { App, Component, Directive, InjectionKey, VNode } from 'vue'
import { defineComponent, Fragment, h, inject } from 'vue'

/**
 * Slidev's built-in components and directives as the reading view shows them: a page of text with
 * no script, read from top to bottom, every click already made. What a built-in shows becomes its
 * content (a `<v-clicks>` list, the text of `<AutoFitText>`, the table of contents); what only moves
 * or decorates (`v-motion`, `<Arrow>`, `<Transform>`'s scale) is left out; what plays or runs
 * elsewhere (`<Tweet>`, `<Youtube>`) becomes a short note with a link. The names are Slidev 53's
 * (`@slidev/client/builtin/`, `@slidev/client/modules/`).
 */

/** A slide in the page's table of contents (`<Toc>`). */
export interface TocEntry {
  no: number
  title: string
  /** 1 for a slide whose title is a `#` heading, 2 for `##`… */
  level: number
}

/** The table of contents of the deck, for `<Toc>`, and the number of slides. */
export const readingDeckKey: InjectionKey<{ toc: TocEntry[], total: number }> = Symbol('reading-deck')

/** The slide being rendered, for `<SlideCurrentNo>`. */
export const readingSlideNoKey: InjectionKey<number> = Symbol('reading-slide-no')

/** Renders what it wraps, as it would show once every click is made. */
function passThrough(name: string): Component {
  return defineComponent({
    name,
    inheritAttrs: false,
    setup: (_, { slots }) => () => slots.default?.(),
  })
}

/** Renders nothing: it only decorates the slide. */
function nothing(name: string): Component {
  return defineComponent({
    name,
    inheritAttrs: false,
    setup: () => () => null,
  })
}

/** A short note with a link, for a part of a slide that plays or runs elsewhere. */
function note(label: string, href: string, text = href.replace(/^https?:\/\//, '')): VNode {
  return h('p', { class: 'slide-embed' }, [
    `${label}: `,
    h('a', { href }, text),
  ])
}

const id = (value: unknown) => encodeURIComponent(String(value ?? ''))

/** Every slot a component was given, in the order written: `<v-switch>`'s steps, `<LightOrDark>`'s two. */
function allSlots(name: string): Component {
  return defineComponent({
    name,
    inheritAttrs: false,
    setup: (_, { slots }) => () => h(Fragment, Object.values(slots).map(slot => h('div', slot?.()))),
  })
}

export const builtinComponents: Record<string, Component> = {
  // Clicks: everything they reveal is on the page.
  VClick: passThrough('VClick'),
  VClicks: passThrough('VClicks'),
  VAfter: passThrough('VAfter'),
  VSwitch: allSlots('VSwitch'),
  VClickGap: nothing('VClickGap'),
  // Placement and scale on the slide: the content stays, its position goes.
  Transform: passThrough('Transform'),
  VDrag: passThrough('VDrag'),
  CodeGroup: passThrough('CodeGroup'),
  LightOrDark: allSlots('LightOrDark'),
  // Decoration.
  Arrow: nothing('Arrow'),
  VDragArrow: nothing('VDragArrow'),
  AutoFitText: defineComponent({
    name: 'AutoFitText',
    inheritAttrs: false,
    props: {
      modelValue: { type: String, default: '' },
    },
    setup: props => () => h('p', props.modelValue),
  }),
  RenderWhen: defineComponent({
    name: 'RenderWhen',
    inheritAttrs: false,
    props: {
      context: {
        type: [String, Array],
        default: 'visible',
      },
    },
    setup: (props, { slots }) => () => {
      // The page is the slide as printed: what shows on the slide itself, not in the presenter's view.
      const contexts = [props.context].flat().map(String)
      const onSlide = contexts.some(context => ['main', 'slide', 'visible', 'print'].includes(context))
      return onSlide
        ? slots.default?.()
        : slots.fallback?.()
    },
  }),
  Link: defineComponent({
    name: 'Link',
    inheritAttrs: false,
    props: {
      to: {
        type: [String, Number],
        required: true,
      },
      title: { type: String, default: '' },
    },
    setup: (props, { slots }) => () => h('a', { href: `#${props.to}` }, slots.default?.() ?? props.title),
  }),
  SlideCurrentNo: defineComponent({
    name: 'SlideCurrentNo',
    setup: () => {
      const no = inject(readingSlideNoKey, 0)
      return () => String(no)
    },
  }),
  SlidesTotal: defineComponent({
    name: 'SlidesTotal',
    setup: () => {
      const deck = inject(readingDeckKey, { toc: [], total: 0 })
      return () => String(deck.total)
    },
  }),
  Toc: defineComponent({
    name: 'Toc',
    inheritAttrs: false,
    props: {
      maxDepth: {
        type: [String, Number],
        default: Number.POSITIVE_INFINITY,
      },
      minDepth: {
        type: [String, Number],
        default: 1,
      },
    },
    setup: (props) => {
      const deck = inject(readingDeckKey, { toc: [], total: 0 })
      return () => h('ol', { class: 'slide-toc' }, deck.toc
        .filter(entry => entry.level >= Number(props.minDepth) && entry.level <= Number(props.maxDepth))
        .map(entry => h('li', { 'data-level': entry.level }, [
          h('a', { href: `#${entry.no}` }, entry.title),
        ])))
    },
  }),
  TocList: nothing('TocList'),
  // Elsewhere: a note and a link.
  Tweet: defineComponent({
    name: 'Tweet',
    inheritAttrs: false,
    props: {
      id: {
        type: [String, Number],
        required: true,
      },
    },
    setup: props => () => note('A post on X', `https://x.com/i/status/${id(props.id)}`),
  }),
  Youtube: defineComponent({
    name: 'Youtube',
    inheritAttrs: false,
    props: {
      id: { type: String, required: true },
    },
    setup: props => () => note('A video on YouTube', `https://www.youtube.com/watch?v=${id(props.id.split('?')[0])}`),
  }),
  BlueSky: defineComponent({
    name: 'BlueSky',
    inheritAttrs: false,
    props: {
      url: { type: String, required: true },
    },
    setup: props => () => note('A post on Bluesky', props.url),
  }),
  SlidevVideo: defineComponent({
    name: 'SlidevVideo',
    inheritAttrs: false,
    setup: (_, { slots }) => () => h('video', { controls: true, preload: 'none', class: 'slide-video' }, slots.default?.()),
  }),
  PoweredBySlidev: defineComponent({
    name: 'PoweredBySlidev',
    setup: () => () => h('p', [
      // As on the slide ("Powered by" and Slidev's logo), the logo as its name.
      'Powered by ',
      h('a', { href: 'https://sli.dev' }, 'Slidev'),
    ]),
  }),
}

/** Slidev's directives do their work in the browser, on clicks; on the page they change nothing. */
const inert: Directive = {
  getSSRProps: () => ({}),
}

export const builtinDirectives = [
  'click',
  'after',
  'click-hide',
  'motion',
  'mark',
  'drag',
] as const

/** Installs the built-ins on the app that renders one slide; the deck's own components come later and win. */
export function installBuiltins(app: App): void {
  for (const [name, component] of Object.entries(builtinComponents))
    app.component(name, component)
  for (const name of builtinDirectives)
    app.directive(name, inert)
}
