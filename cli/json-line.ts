import { ResultRowJson, cellText } from "../core";

/**
 * A lone UTF-16 surrogate as JSON.stringify escapes it (`\ud800`), not preceded by an escaping backslash. XML
 * cannot hold one, and UTF-8 cannot either: the sheet shows U+FFFD (xmlText), and so must the JSON.
 */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/** JSON text with lone surrogates as U+FFFD, as the sheet holds them (UTF-8 readers would reject them). */
export function wellFormedJson(json: string): string {
  return json.includes("\\ud") ? json.replace(LONE_SURROGATE_ESCAPE, "$1\ufffd") : json;
}

/** A value as JSON, its strings as the sheet holds them (cut at 32,767 characters with "…"; no lone surrogates). */
export const sheetJson = (value: unknown): string =>
  wellFormedJson(JSON.stringify(value, (_key: string, v: unknown) => (typeof v === "string" ? cellText(v) : v)));

/**
 * One result row of the JSON output, as its line of text: the texts that can be long are cut as the results
 * sheet cuts them (Excel's cell limit), so both hold the same characters; the rest are short by nature. Made
 * where the row is worded (on the wording thread for large batches).
 */
export function jsonLine(row: ResultRowJson): string {
  return wellFormedJson(
    JSON.stringify({
      ...row,
      entityName: cellText(row.entityName),
      reasons: row.reasons.map((r) => ({ ...r, zh: cellText(r.zh), en: cellText(r.en) })),
      citation: cellText(row.citation),
      explain: { zh: cellText(row.explain.zh), en: cellText(row.explain.en) },
    }),
  );
}
