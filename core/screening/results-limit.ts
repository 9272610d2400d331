/**
 * Every application read becomes a row of one results sheet, and a sheet has Excel's 1,048,576 rows: a batch with
 * more than the review list holds is refused before it is screened (SCREENING.md, "split the workbook").
 */

/**
 * Rows of the review list that are not applications (SCREENING.md revision 3, review-list.ts): the title, four head
 * lines, a blank row and the header above them; the two 合计 rows, a blank row and the signature row below.
 */
export const PAPER_ROWS = 11;

/** Applications one results sheet holds: Excel's 1,048,576 rows less the review list's own. */
export const MAX_RESULT_ROWS = 1_048_576 - PAPER_ROWS;

/** Why this many applications cannot be screened into one results sheet (one line), or null when they can. */
export function pastOneSheet(applications: number): { en: string; zh: string } | null {
  if (applications <= MAX_RESULT_ROWS) return null;
  const count = applications.toLocaleString("en");
  return {
    en: `${count} applications, more than one results sheet holds (1,048,565: Excel's 1,048,576 rows less the review list's title, head, header, totals and signature rows): split the workbook and screen each part`,
    zh: `共 ${count} 条申报，超过一张结果表能容纳的行数（1,048,565 行：Excel 的上限 1,048,576 行，减去审核表的标题、表头、合计和签字行）：请拆分工作簿后分别筛查`,
  };
}
