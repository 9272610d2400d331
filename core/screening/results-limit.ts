/**
 * Every application read becomes a row of one results sheet, below its header, and a sheet has Excel's
 * 1,048,576 rows: a batch with more is refused before it is screened (SCREENING.md, "split the workbook").
 */

/** Rows a results sheet holds below its header: Excel's 1,048,576 rows, less one. */
export const MAX_RESULT_ROWS = 1_048_575;

/** Why this many applications cannot be screened into one results sheet (one line), or null when they can. */
export function pastOneSheet(applications: number): { en: string; zh: string } | null {
  if (applications <= MAX_RESULT_ROWS) return null;
  const count = applications.toLocaleString("en");
  return {
    en: `${count} applications, more than one results sheet holds (1,048,575 rows below its header, Excel's limit): split the workbook and screen each part`,
    zh: `共 ${count} 条申报，超过一张结果表能容纳的行数（表头下 1,048,575 行，Excel 的上限）：请拆分工作簿后分别筛查`,
  };
}
