/**
 * Office's display language, as far as the host lets us know it. Chinese when it cannot be known: the
 * product's users are Heilongjiang finance officers.
 */
export type Language = "zh" | "en";

/** A host without Office.context (WPS 表格) tells its language here (a tag such as zh-CN); unset in Excel. */
let hostLanguageTag: (() => string | undefined) | null = null;

/** Sets (or, with null, clears) where the language is read when Office does not say. */
export function setHostLanguageSource(source: (() => string | undefined) | null): void {
  hostLanguageTag = source;
}

export function displayLanguage(): Language {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  let tag: string | undefined;
  try {
    tag = office?.context?.displayLanguage ?? hostLanguageTag?.();
  } catch {
    tag = undefined;
  }
  if (!tag) return "zh";
  return tag.toLowerCase().startsWith("zh") ? "zh" : "en";
}
