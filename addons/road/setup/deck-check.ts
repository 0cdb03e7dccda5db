import type { PlanProblem, PlanSourceSlide } from '../plan'
import { checkPlan, roadKeys } from '../plan'

/**
 * The road's part of slidev-addon-deck-check, which loads `setup/deck-check.ts` from every root:
 * the keys it reads (`part`, `planned`, `backup`, `duration`: a time it cannot read, a part
 * without a time, two parts of one name, by line), and the pace plan's rule (a plan that does not
 * add up to `duration`, a part starting on a backup slide). Written against the shape of the
 * check's input, so this addon works without the deck check too.
 */
export const keys = roadKeys

export default function pacePlan(deck: { slides: ReadonlyArray<{ info: PlanSourceSlide }> }): PlanProblem[] {
  return checkPlan(deck.slides.map(slide => slide.info))
}
