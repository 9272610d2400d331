/** Columns that fail for most rows of a table: one workbook warning naming the column (a unit, a wrong header, a date system). */
import { Reason } from "../reasons/reasons";
import { FIELD_BY_KEY, FieldKey } from "./fields";
import { CellIndex } from "./read-row";
import { ScreeningIssue, TableInfo } from "./types";

/**
 * A column that fails for most rows of a table is almost always one cause (a unit, a header mapped to the
 * wrong column, a date system): a table-level warning names the column, not only each row.
 */
/** Fewer rows failing in one column than this is a matter of those rows, not of the column. */
const FAILING_COLUMN_MIN_ROWS = 3;

export function columnsFailing(
  reasonsOf: (row: number) => readonly Reason[],
  cellsOf: (row: number) => CellIndex | undefined,
  tables: readonly TableInfo[],
  mayFail: (row: number) => boolean = () => true,
): ScreeningIssue[] {
  const issues: ScreeningIssue[] = [];
  let start = 0;
  for (const table of tables) {
    const end = start + table.rows;
    // A column is named only when most rows fail in it: with too few rows that can fail at all, no reason
    // need be read (a fast row's reasons are worded when read).
    let candidates = 0;
    for (let i = start; i < end; i++) if (mayFail(i)) candidates++;
    if (candidates < FAILING_COLUMN_MIN_ROWS || candidates * 2 < table.rows) {
      start = end;
      continue;
    }
    const failures = new Map<string, { count: number; example: Reason }>();
    const seen = new Set<string>();
    for (let i = start; i < end; i++) {
      const reasons = reasonsOf(i);
      if (reasons.length === 0) continue;
      seen.clear();
      for (const r of reasons) {
        if (r.severity !== "error" || !r.field || seen.has(r.field)) continue;
        seen.add(r.field);
        const entry = failures.get(r.field) ?? { count: 0, example: r };
        entry.count++;
        failures.set(r.field, entry);
      }
    }
    for (const [field, { count, example }] of failures) {
      if (count < FAILING_COLUMN_MIN_ROWS || count * 2 < table.rows) continue;
      const column = cellsOf(start)?.columns.get(field as FieldKey);
      const spec = FIELD_BY_KEY.get(field as FieldKey);
      const name = column ? `${table.sheet}!${column.letter} ${column.header}` : `${table.sheet} ${spec?.zh ?? field}`;
      const nameEn = column ? `${table.sheet}!${column.letter} ${column.header}` : `${table.sheet} ${spec?.en ?? field}`;
      issues.push({
        sheet: table.sheet,
        cell: column ? `${table.sheet}!${column.letter}${table.headerRow}` : undefined,
        severity: "warning",
        zh: `${name}：${table.rows} 行中有 ${count} 行在此列出错（如：${example.zh}），请检查该列的表头、单位或格式`,
        en: `${nameEn}: ${count} of ${table.rows} rows fail in this column (e.g. ${example.en}): check its header, unit or format`,
      });
    }
    start = end;
  }
  return issues;
}
