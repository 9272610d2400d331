/** The workbook's other sheets: 历史兑现 (history records) and LPR rows, read into records with their issues. */
import { CellValue, isEmptyCell, parseDateCell, parseNumberCell, parseTextCell, parseYearCell } from "../cells/parse";
import { InputError } from "../errors/errors";
import { SuppliedLprEntry, checkedRate } from "../lpr/lpr-table";
import { Decimal, formatRate } from "../money/money";
import { HistoryRecord } from "../rows/types";
import { HISTORY_FIELDS, HeaderUnit, LPR_FIELDS, normaliseHeader } from "./fields";
import { HEADER_SEARCH_ROWS, cellText } from "./layout";
import { WAN, originOf, parseRate } from "./read-row";
import { ScreeningIssue, SheetInput } from "./types";

function findHeader(values: readonly (readonly unknown[])[], spec: Record<string, readonly string[]>, required: string[]) {
  const keys = new Map<string, string>();
  for (const [field, headers] of Object.entries(spec)) for (const h of headers) keys.set(normaliseHeader(h).key, field);
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const columns = new Map<string, { index: number; unit: HeaderUnit }>();
    (values[r] ?? []).forEach((cell, c) => {
      const { key, unit } = normaliseHeader(cellText(cell).trim());
      const field = keys.get(key);
      if (field && !columns.has(field)) columns.set(field, { index: c, unit });
    });
    if (required.every((f) => columns.has(f))) return { index: r, columns };
  }
  return null;
}

export function readHistory(sheet: SheetInput, values: readonly (readonly unknown[])[], issues: ScreeningIssue[]): HistoryRecord[] {
  const header = findHeader(values, HISTORY_FIELDS, ["entityId", "measure", "amount"]);
  if (!header) {
    issues.push({
      sheet: sheet.name,
      severity: "warning",
      zh: `${sheet.name}：未找到“统一社会信用代码、条款、兑现金额”表头，历史兑现未使用`,
      en: `${sheet.name}: no header row with USCC, measure and amount paid; the history is not used`,
    });
    return [];
  }
  const origin = originOf(sheet);
  const records: HistoryRecord[] = [];
  for (let r = header.index + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every((cell) => isEmptyCell(cell as CellValue))) continue;
    const at = (field: string) => {
      const column = header.columns.get(field);
      return column ? (cells[column.index] as CellValue) : null;
    };
    const source = `${sheet.name}!${origin.row + r}`;
    const amount = parseNumberCell(at("amount"));
    const year = parseYearCell(at("year"));
    const entity = parseTextCell(at("entityId"));
    const unit = header.columns.get("amount")!.unit;
    const measureCell = at("measure");
    const invested = parseNumberCell(at("totalInvestment"));
    const project = parseTextCell(at("projectId"));
    if (amount.kind !== "value" || year.kind === "invalid" || entity.kind !== "value" || invested.kind === "invalid") {
      // Never dropped silently: the batch sends the rows of this entity to a person, naming the record.
      const bad = [amount, year, invested].find((cell) => cell.kind === "invalid");
      const why = bad?.kind === "invalid" ? bad.en : "the code or the amount is missing";
      const whyZh = bad?.kind === "invalid" ? bad.zh : "缺少统一社会信用代码或金额";
      records.push({
        entityId: entity.kind === "value" ? entity.value : "",
        measure: typeof measureCell === "number" || typeof measureCell === "string" ? measureCell : "",
        amount: null,
        source,
        unreadable: { zh: whyZh, en: why },
      });
      continue;
    }
    records.push({
      entityId: entity.value,
      measure: typeof measureCell === "number" || typeof measureCell === "string" ? measureCell : "",
      year: year.kind === "value" ? year.value : null,
      amount: unit === "wan" ? amount.value.times(WAN) : amount.value,
      totalInvestment:
        invested.kind === "value"
          ? header.columns.get("totalInvestment")!.unit === "wan"
            ? invested.value.times(WAN)
            : invested.value
          : null,
      source,
      ...(project.kind === "value" && project.value.trim() !== "" ? { projectId: project.value.trim() } : {}),
    });
  }
  return records;
}

export function readLprSheet(sheet: SheetInput, values: readonly (readonly unknown[])[], issues: ScreeningIssue[]): SuppliedLprEntry[] {
  const header = findHeader(values, LPR_FIELDS, ["date", "rate"]);
  const start = header ? header.index + 1 : 0;
  const dateColumn = header?.columns.get("date")?.index ?? 0;
  const rateColumn = header?.columns.get("rate") ?? { index: 1, unit: null };
  const origin = originOf(sheet);
  const entries: SuppliedLprEntry[] = [];
  const cellsOf: string[] = [];
  for (let r = start; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every((cell) => isEmptyCell(cell as CellValue))) continue;
    const where = `${sheet.name}!${origin.row + r}`;
    const date = parseDateCell(cells[dateColumn] as CellValue);
    const rate = parseRate(cells[rateColumn.index] as CellValue, rateColumn.unit, null, "lpr");
    // An LPR outside its plausible bounds (RULES.md "Reading numbers") is that row's problem, not the batch's.
    let implausible: InputError | null = null;
    if (rate.kind === "value" && !rate.value.greaterThan(1) && !rate.value.isNegative()) {
      try {
        checkedRate(rate.value, "rate", "lpr");
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        implausible = error;
      }
    }
    if (date.kind !== "value" || rate.kind !== "value" || rate.value.greaterThan(1) || rate.value.isNegative() || implausible) {
      const [whyZh, whyEn] =
        date.kind === "invalid"
          ? [date.zh, date.en]
          : rate.kind === "invalid"
            ? [rate.zh, rate.en]
            : date.kind === "absent" || rate.kind === "absent"
              ? ["缺少日期或利率", "date or rate missing"]
              : implausible
                ? [implausible.reason.zh, implausible.reason.en]
                : [
                    `${rate.value.toString()} 不是 0 到 1 之间的利率（请写 3.00% 或 0.03）`,
                    `${rate.value.toString()} is not a rate between 0 and 1 (write 3.00% or 0.03)`,
                  ];
      issues.push({
        sheet: sheet.name,
        cell: where,
        severity: "warning",
        zh: `${where}：LPR行无法读取（${whyZh}），未使用`,
        en: `${where}: LPR row not used: ${whyEn}`,
      });
      continue;
    }
    entries.push({ date: date.value, rate: rate.value });
    cellsOf.push(where);
  }
  return withoutConflicts(sheet.name, entries, cellsOf, issues);
}

/**
 * Two LPR rows of the same date with different rates (RULES.md revision 3): an error naming both cells, and
 * neither is used — never a pick between them. The same date with the same rate is harmless.
 */
function withoutConflicts(sheet: string, entries: SuppliedLprEntry[], cells: string[], issues: ScreeningIssue[]): SuppliedLprEntry[] {
  const first = new Map<string, number>();
  const conflicting = new Set<string>();
  entries.forEach((entry, i) => {
    const j = first.get(entry.date);
    if (j === undefined) return void first.set(entry.date, i);
    const [a, b] = [entries[j].rate as Decimal, entry.rate as Decimal];
    if (a.equals(b)) return;
    conflicting.add(entry.date);
    issues.push({
      sheet,
      cell: cells[i],
      severity: "error",
      zh: `${cells[j]} 与 ${cells[i]}：同一日期 ${entry.date} 的LPR不同（${formatRate(a)}、${formatRate(b)}），两行均未使用，请删去错误的一行`,
      en: `${cells[j]} and ${cells[i]}: two LPR rows for ${entry.date} with different rates (${formatRate(a)}, ${formatRate(b)}); neither is used: delete the wrong one`,
    });
  });
  return conflicting.size === 0 ? entries : entries.filter((e) => !conflicting.has(e.date));
}
