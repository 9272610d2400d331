/**
 * Office's display language, as far as the host lets us know it. Chinese when it cannot be known: the
 * product's users are Heilongjiang finance officers.
 */
export type Language = "zh" | "en";

export function displayLanguage(): Language {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  let tag: string | undefined;
  try {
    tag = office?.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  if (!tag) return "zh";
  return tag.toLowerCase().startsWith("zh") ? "zh" : "en";
}
