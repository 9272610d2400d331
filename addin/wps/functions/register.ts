/**
 * PLACEHOLDER (i20-build): the functions helper's branch replaces this file with the real registration
 * (wps.AddCustomFunction("HLJ", name, fn) for the eleven functions). It is here only so the entry page builds.
 */
export function registerWpsFunctions(): void {
  // nothing registered until the real module is merged
}
