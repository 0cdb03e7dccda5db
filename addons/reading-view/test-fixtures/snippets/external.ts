export const outside = 'not in the region'

// #region snippet
export function inRegion() {
  return 'the region'
}
// #endregion snippet
