/**
 * Marks each code block under `root` that is wider than its box (`data-scrolls`): those keep the
 * sideways gesture and scroll; every other block lets it through to Slidev's swipe (styles/index.css).
 * Returns how many blocks changed, so that a caller can tell it did something.
 */
export function markScrollingCode(root: ParentNode): number {
  let changed = 0
  for (const pre of root.querySelectorAll('pre')) {
    const scrolls = pre.scrollWidth > pre.clientWidth + 1
    if (scrolls !== pre.hasAttribute('data-scrolls')) {
      pre.toggleAttribute('data-scrolls', scrolls)
      changed++
    }
  }
  return changed
}
