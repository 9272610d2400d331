/**
 * The first stage: a sheet's applicant tables — header rows, the columns each field is read from, the rows that
 * are not applicants (totals, footers, titles) — with their issues (a repeated header, a total that does not
 * add up, a header that nearly maps).
 */
import { CellValue, parseNumberCell } from "../cells/parse";
import { parseMeasureRef } from "../measures/measure-id";
import { Decimal, formatYuan } from "../money/money";
import { toHalfWidth } from "../text/half-width";
import { FIELD_BY_KEY, HISTORY_SHEET_NAMES, LPR_SHEET_NAMES, columnLetters, isSheetNamed } from "./fields";
import { HEADER_SEARCH_ROWS, SkippedKind, layOut, missingRequired, nearMissHeader } from "./layout";
import { skipOwnSheet } from "./own-sheets";
import {
  FoundTable,
  ScreenOptions,
  ScreeningIssue,
  SheetInput,
  SkippedRowInfo,
  TableChoice,
  TableInfo,
  WorkbookInput,
  originOf,
} from "./types";

export function skippedIssues(sheet: string, skipped: readonly SkippedRowInfo[]): ScreeningIssue[] {
  return skipped.map((row) => ({
    sheet,
    cell: row.cell,
    severity: "info",
    zh: `${row.cell}：${SKIPPED_WORDS[row.kind].zh}${row.text ? `“${row.text}”` : ""}，不作为申报行读取`,
    en: `${row.cell}: ${SKIPPED_WORDS[row.kind].en}${row.text ? ` "${row.text}"` : ""}, not read as an application`,
  }));
}

const SKIPPED_WORDS: Readonly<Record<SkippedKind, { zh: string; en: string }>> = {
  total: { zh: "合计行", en: "a total row" },
  footer: { zh: "表尾", en: "a footer line" },
  text: { zh: "文字行（标题或说明）", en: "a line of text (a title or a note)" },
  serialOnly: { zh: "只有序号的空行", en: "an empty row with only its number (序号)" },
  header: { zh: "重复的表头", en: "the header repeated" },
  units: { zh: "单位行", en: "the units row" },
  numbering: { zh: "列序号行", en: "the row of column numbers" },
};

/**
 * The applicant tables a workbook holds, with their automatic column mapping, without screening: what the task
 * pane shows a person before the run. Only the first rows of each sheet are needed.
 */
export function detectTables(workbook: WorkbookInput, choices: ScreenOptions["tables"] = {}): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const sheet of workbook.sheets) {
    if (isSheetNamed(sheet.name, HISTORY_SHEET_NAMES) || isSheetNamed(sheet.name, LPR_SHEET_NAMES) || skipOwnSheet(sheet, [])) continue;
    const found = findTables(sheet, Array.isArray(sheet.values) ? sheet.values : [], [], choices[sheet.name]);
    if (found.length) tables.push(found[0].info);
  }
  return tables;
}

/** How many rows of a sheet detectTables looks at for a header row. */
export const HEADER_ROWS_SEARCHED = HEADER_SEARCH_ROWS;

export function findTables(
  sheet: SheetInput,
  values: readonly (readonly unknown[])[],
  issues: ScreeningIssue[],
  choice?: TableChoice,
): FoundTable[] {
  const sheetMeasure = measureOfSheetName(sheet.name);
  const origin = originOf(sheet);
  const laidOut = layOut(values, sheetMeasure, {
    headerIndex: choice?.headerRow !== undefined ? choice.headerRow - origin.row : undefined,
    columns: choice?.columns,
  });
  return laidOut
    .filter((layout) => layout.columns.size > 0)
    .map((layout) => {
      const at = (index: number) => `${columnLetters(origin.column + index)}${origin.row + layout.headerIndex + layout.headerRows - 1}`;
      for (const { index, field } of layout.duplicates) {
        const spec = FIELD_BY_KEY.get(field)!;
        const first = columnLetters(origin.column + layout.columns.get(field)!.index);
        issues.push({
          sheet: sheet.name,
          cell: at(index),
          severity: "warning",
          zh: `${sheet.name}!${at(index)}：表头“${spec.zh}”重复，读取第一列（${first}），忽略此列`,
          en: `${sheet.name}!${at(index)}: a second "${spec.en}" column; the first (${first}) is read, this one ignored`,
        });
      }
      const headerRow = origin.row + layout.headerIndex + layout.headerRows - 1;
      const info: TableInfo = {
        sheet: sheet.name,
        headerRow,
        headerRows: layout.headerRows,
        unitsRow: layout.unitsIndex === null ? null : origin.row + layout.unitsIndex,
        rows: 0,
        skipped: layout.skipped.map((s) => ({
          cell: `${sheet.name}!${columnLetters(origin.column + s.column)}${origin.row + s.index}`,
          kind: s.kind,
          text: s.text,
        })),
        sheetMeasure,
        columns: [...layout.columns.entries()].map(([field, c]) => ({
          field,
          header: c.header,
          column: columnLetters(origin.column + c.index),
          index: c.index,
          unit: c.unit,
        })),
        ignoredHeaders: layout.ignored,
        headers: layout.headers.map((h) => ({ index: h.index, column: columnLetters(origin.column + h.index), text: h.text })),
        missingRequired: missingRequired(layout.columns, sheetMeasure),
      };
      return { info, layout, columns: layout.columns, sheetMeasure };
    });
}

/** A sheet with a header row that maps some fields but not the required ones: say which column to check. */
export function nearMiss(sheet: SheetInput, values: readonly (readonly unknown[])[]): ScreeningIssue | null {
  const miss = nearMissHeader(values, measureOfSheetName(sheet.name));
  if (!miss || miss.missing.length === 0) return null;
  const origin = originOf(sheet);
  const row = origin.row + miss.index;
  const found = [...miss.mapping.columns.entries()].map(
    ([field, c]) => `${c.header}（${columnLetters(origin.column + c.index)}）→ ${FIELD_BY_KEY.get(field)!.zh}`,
  );
  const foundEn = [...miss.mapping.columns.entries()].map(
    ([field, c]) => `${c.header} (${columnLetters(origin.column + c.index)}) → ${FIELD_BY_KEY.get(field)!.en}`,
  );
  const missing = miss.missing.map((f) => FIELD_BY_KEY.get(f)!);
  const unknown = miss.mapping.ignored.slice(0, 6);
  return {
    sheet: sheet.name,
    cell: `${sheet.name}!${row}`,
    severity: "warning",
    zh: `${sheet.name}!${row} 像是表头（${found.join("、")}），但缺少${missing.map((m) => `“${m.zh}”`).join("、")}列${unknown.length ? `：请检查未识别的列 ${unknown.map((u) => `“${u}”`).join("、")} 的表头` : "：请补上该列"}（可用的表头见申报模板的填写说明）`,
    en: `${sheet.name}!${row} looks like a header (${foundEn.join(", ")}) but has no ${missing.map((m) => m.en).join(" or ")} column${unknown.length ? `: check the headers of the columns not recognised: ${unknown.map((u) => `"${u}"`).join(", ")}` : ": add it"}`,
  };
}

const SHEET_MEASURE_PATTERNS = [
  /第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*条(?:\s*(?:[(（]\s*([12一二])\s*[)）]|第\s*([12一二])\s*款|([ab])(?![a-z])))?/i,
  /(?:^|[^a-z0-9])m\s*([0-9]{1,2})([ab])?(?![0-9a-z])/i,
];

/** `第3条`, `第4条(1)`, `M3 网络零售`… → a measure reference, or null. */
export function measureOfSheetName(name: string): string | null {
  const text = toHalfWidth(name);
  for (const pattern of SHEET_MEASURE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const part = match.slice(2).find((p) => p !== undefined);
    const candidate = `第${match[1]}条${part ? `(${/^[a1一]$/i.test(part) ? 1 : 2})` : ""}`;
    try {
      parseMeasureRef(candidate);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

/** The applicant rows of a table read by the reference's readers, each with its cells' index (the test oracle's input). */
/**
 * A total row's sums against the rows above it (合计/总计: the table's rows so far; 小计/本页小计: since the last
 * subtotal), column by column for the amounts read: a mismatch is a workbook warning naming the column.
 */
export function checkTotals(sheet: SheetInput, values: readonly (readonly unknown[])[], table: FoundTable, issues: ScreeningIssue[]): void {
  const origin = originOf(sheet);
  const amountColumns = [...table.columns.entries()].filter(([field]) => {
    const kind = FIELD_BY_KEY.get(field)!.kind;
    return kind === "amount" || kind === "signedAmount";
  });
  const data = table.layout.dataRows;
  const SCALE = 10_000;
  const toUnits = (cell: unknown): number | null => {
    const parsed = parseNumberCell(cell as CellValue);
    if (parsed.kind !== "value") return null;
    const scaled = parsed.value.times(SCALE);
    return scaled.abs().lessThan(Number.MAX_SAFE_INTEGER) ? Math.round(scaled.toNumber()) : null;
  };
  for (const total of table.layout.totals) {
    const rows = data.slice(total.from).filter((r) => r < total.index);
    for (const [field, column] of amountColumns) {
      const stated = toUnits((values[total.index] ?? [])[column.index]);
      if (stated === null) continue;
      let sum = 0;
      let counted = 0;
      for (const r of rows) {
        const value = toUnits((values[r] ?? [])[column.index]);
        if (value === null) continue;
        sum += value;
        counted++;
      }
      // Half a fen of tolerance: the total may be rounded to the fen where the rows have more decimals.
      if (counted === 0 || Math.abs(sum - stated) <= 50) continue;
      const cell = `${sheet.name}!${columnLetters(origin.column + column.index)}${origin.row + total.index}`;
      const show = (units: number) => formatYuan(new Decimal(units).dividedBy(SCALE));
      const spec = FIELD_BY_KEY.get(field)!;
      issues.push({
        sheet: sheet.name,
        cell,
        severity: "warning",
        zh: `${cell}（${total.text}，${column.header}）：${show(stated)}，但上方 ${counted} 行合计 ${show(sum)}，相差 ${show(stated - sum)}：请核对该列（${spec.zh}）或合计行`,
        en: `${cell} (${total.text}, ${column.header}): ${show(stated)}, but the ${counted} rows above add up to ${show(sum)}, a difference of ${show(stated - sum)}: check the column (${spec.en}) or the total`,
      });
    }
  }
}
