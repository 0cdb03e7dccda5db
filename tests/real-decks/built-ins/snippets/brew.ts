// Helpers for the "Better Coffee at Home" talk.

// #region ratio
/** Grams of water for a dose of ground coffee at a given brew ratio (1:ratio). */
export function waterFor(doseGrams: number, ratio = 16): number {
  return Math.round(doseGrams * ratio)
}
// #endregion ratio

/** Extraction yield in percent, from TDS (%), beverage mass (g) and dose (g). */
export function extractionYield(tds: number, beverageGrams: number, doseGrams: number): number {
  return (tds * beverageGrams) / doseGrams
}
