import type { PlanProblem, PlanSourceSlide } from '../plan'
import { checkPlan } from '../plan'

/**
 * The pace plan's rule for slidev-addon-deck-check, which loads `setup/deck-check.ts` from every
 * root: a plan that does not add up to `duration`, a time it cannot read, a part without a time,
 * a part starting on a backup slide, by line. Written against the shape of the check's input, so
 * this addon works without the deck check too.
 */
export default function pacePlan(deck: { slides: ReadonlyArray<{ info: PlanSourceSlide }> }): PlanProblem[] {
  return checkPlan(deck.slides.map(slide => slide.info))
}
