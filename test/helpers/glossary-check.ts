/**
 * The glossary check (SCREENING.md revision 3, "One set of words") of one Chinese user-facing string: no internal
 * ids, no English beyond what the glossary allows, no second term for a thing the glossary names.
 */
import { LATIN_IN_CHINESE, NOT_THESE, OPTION_NAMES, OPTION_TERMS, STATUS_TERMS, TERMS } from "../../core/words/glossary";

export const glossaryTerms: string[] = [
  ...Object.values(STATUS_TERMS),
  ...Object.values(TERMS),
  ...Object.values(OPTION_NAMES),
  ...Object.values(OPTION_TERMS).flatMap((values) => Object.values(values)),
]
  .map((term) => term.zh)
  .sort((a, b) => b.length - a.length);

/** What is wrong with one Chinese string, or nothing. */
export function problems(text: string): string[] {
  const found: string[] = [];
  // Placeholders ({n}, a template's {…}), Excel's page codes (&P, &N) and the command line's options (--json) are
  // not words.
  let rest = text
    .replace(/\{\w+\}|\{…\}/g, "")
    .replace(/&[A-Z]/g, " ")
    .replace(/--[a-z][a-z-]*/g, " ");
  for (const word of LATIN_IN_CHINESE) rest = rest.split(word).join(" ");
  const ids = /\bM\d{1,2}[ab]?\b|\b(?:not_cash|superseded|eligible|ineligible|manual|error)\b/.exec(rest);
  if (ids) found.push(`internal id ${ids[0]}`);
  const latin = /[A-Za-z]+/.exec(rest);
  if (latin) found.push(`English "${latin[0]}"`);
  // The glossary's own terms first (统一社会信用代码 holds 信用代码), then the second terms that must not appear.
  for (const term of glossaryTerms) rest = rest.split(term).join("□");
  for (const [wrong, right] of NOT_THESE) if (rest.includes(wrong)) found.push(`${wrong} (say ${right})`);
  return found;
}
