import { ResultRowJson, cellText } from "../core";

/**
 * One result row of the JSON output, as its line of text: the texts that can be long are cut as the results
 * sheet cuts them (Excel's cell limit), so both hold the same characters; the rest are short by nature. Made
 * where the row is worded (on the wording thread for large batches).
 */
export function jsonLine(row: ResultRowJson): string {
  return JSON.stringify({
    ...row,
    entityName: cellText(row.entityName),
    reasons: row.reasons.map((r) => ({ ...r, zh: cellText(r.zh), en: cellText(r.en) })),
    citation: cellText(row.citation),
    explain: { zh: cellText(row.explain.zh), en: cellText(row.explain.en) },
  });
}
