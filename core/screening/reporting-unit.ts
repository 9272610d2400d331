/**
 * The 填报单位 a workbook names above its tables (SCREENING.md "Workbooks as offices really lay them out": a
 * title, a 填报单位 line and a date above the header), for the review list's head (Revision 3). Stage 1 reads it
 * with the tables; nothing is decided by it.
 */
import { SheetInput } from "./types";

/** How far down a sheet the 填报单位 line is looked for. */
const ROWS_LOOKED_AT = 12;
const LABEL = /^\s*(?:填报单位|申报单位|报送单位)\s*[:：]?\s*(.*)$/;
/** What follows the unit on the same line and is not its name: （盖章）, 填报日期：…, 单位：元. */
const TRAILING =
  /\s*(?:[（(]\s*(?:盖章|公章|章)\s*[）)]|(?:填报|填表|报送)?日期\s*[:：].*|金额单位\s*[:：].*|单位\s*[:：]\s*(?:元|万元).*)\s*$/;

/** The unit named in a cell's text after its label, or null when the label stands alone or names nothing. */
function unitIn(text: string): string | null {
  const match = LABEL.exec(text);
  if (!match) return null;
  let rest = match[1];
  for (let before = ""; before !== rest;) {
    before = rest;
    rest = rest.replace(TRAILING, "");
  }
  rest = rest.replace(/[\s_＿]+$/, "").trim();
  return rest.length > 0 ? rest : null;
}

/**
 * The first 填报单位 named in the first rows of the sheets, in sheet order: `填报单位：哈尔滨市商务局（盖章）` in
 * one cell, or `填报单位` with the unit in the next non-empty cell of the row. Null when no sheet names one.
 */
export function reportingUnitOf(sheets: readonly Pick<SheetInput, "values">[]): string | null {
  for (const sheet of sheets) {
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    for (const row of values.slice(0, ROWS_LOOKED_AT)) {
      if (!Array.isArray(row)) continue;
      for (let c = 0; c < Math.min(row.length, 30); c++) {
        const cell = row[c];
        if (typeof cell !== "string" || !LABEL.test(cell)) continue;
        const inCell = unitIn(cell);
        if (inCell) return inCell;
        const next = row.slice(c + 1).find((v) => typeof v === "string" && v.trim() !== "");
        if (typeof next === "string") return unitIn(`填报单位：${next}`);
      }
    }
  }
  return null;
}
