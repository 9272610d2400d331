/**
 * Reading one applicant row the reference way: each cell through its column's parser (a cell that cannot be
 * read becomes a bad_value reason naming it), the facts as the measures read them. The screening engine
 * reads most rows faster into typed columns (engine.ts) and uses this for the rows it gives back.
 */
import type { ApplicationRow } from "../rows/types";
import {
  CellValue,
  Parsed,
  isEmptyCell,
  parseBooleanCell,
  parseDateCell,
  parseNumberCell,
  parseTextCell,
  parseYearCell,
  showCell,
} from "../cells/parse";
import { levelOf } from "../measures/m6-base-award";
import { ApplicationFacts } from "../measures/types";
import { Decimal, dec, formatRate } from "../money/money";
import { InputError } from "../errors/errors";
import { RateKind, checkedRate } from "../lpr/lpr-table";
import { amountInput } from "../money/input";
import { INPUT_BOUNDS } from "../policy/input-bounds";
import { Reason, reason } from "../reasons/reasons";
import { toHalfWidth } from "../text/half-width";
import { FIELD_BY_KEY, FieldKey, FieldSpec, HeaderUnit, columnLetters } from "./fields";
import type { CellIndex, FoundTable } from "./types";

export type { CellIndex, FoundTable } from "./types";
export { originOf } from "./types";

export interface ColumnReader {
  field: FieldKey;
  index: number;
  /** `申报!F` and the header, to name a cell: `申报!F12 贷款利率`. */
  letter: string;
  header: string;
  /** `format`: the cell's number format, where it matters (a percentage holds a fraction). */
  parse: (cell: CellValue, format: string | undefined | null) => Parsed<unknown>;
}

/** One parser per column, chosen once per table from the field's kind and the header's unit. */
export function columnReaders(table: FoundTable, origin: { row: number; column: number }, date1904: boolean): ColumnReader[] {
  const readers: ColumnReader[] = [];
  for (const [field, column] of table.columns) {
    if (field === "measure") continue; // read as given, below
    const spec = FIELD_BY_KEY.get(field)!;
    const unit = column.unit;
    let parse: ColumnReader["parse"];
    switch (spec.kind) {
      case "amount":
      case "signedAmount": {
        const amount = amountParser(spec);
        parse = (cell) => amount(cell, unit);
        break;
      }
      case "rate":
        parse = (cell, format) => parseRate(cell, unit, format);
        break;
      case "date":
        parse = (cell) => parseDateCell(cell, date1904);
        break;
      case "boolean":
        parse = parseBooleanCell;
        break;
      case "year":
        parse = parseYearCell;
        break;
      case "level":
        parse = parseLevel;
        break;
      default:
        parse = parseTextCell;
    }
    readers.push({ field, index: column.index, letter: columnLetters(origin.column + column.index), header: column.header, parse });
  }
  return readers;
}

/**
 * What makes rows the same application (SCREENING.md: "Rows identical in every cell that is read are
 * duplicates"), on any sheet and in any table: the fields read, each with its column's unit (60 under 万元 is
 * not 60 under 元), and the measure the sheet's name gives where no column does; then the cells, field by
 * field. Tables that read different fields never hold identical rows.
 */
export interface SignatureLayout {
  prefix: string;
  /** The columns read, in the order of their fields' keys. */
  columns: number[];
}

export function signatureLayout(table: Pick<FoundTable, "columns" | "sheetMeasure">): SignatureLayout {
  const fields = [...table.columns.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const read = fields.map(([field, column]) => `${field}:${column.unit ?? ""}`).join(",");
  const prefix = table.columns.has("measure") ? read : `${read}|${table.sheetMeasure ?? ""}`;
  return { prefix, columns: fields.map(([, column]) => column.index) };
}

export function rowSignature(layout: SignatureLayout, cells: readonly unknown[]): string {
  return `${layout.prefix}\u0001${layout.columns.map((c) => signaturePart(cells[c])).join("\u0001")}`;
}

export function signaturePart(cell: unknown): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString();
  if (typeof cell === "object" && cell !== null) return JSON.stringify(cell);
  return String(cell ?? "");
}

type Read = Partial<Record<FieldKey, unknown>>;

/** Reads one applicant row; a cell that cannot be read becomes a bad_value reason naming the cell. */
export function readRow(
  cells: readonly unknown[],
  formats: readonly (string | undefined | null)[] | undefined,
  rowNumber: number,
  sheet: string,
  readers: readonly ColumnReader[],
  measureColumn: { index: number; header: string; letter: string } | undefined,
  sheetMeasure: string | null,
): ApplicationRow {
  const errors: Reason[] = [];
  const read: Read = {};
  for (const reader of readers) {
    const parsed = reader.parse(cells[reader.index] as CellValue, formats?.[reader.index]);
    if (parsed.kind === "value") read[reader.field] = parsed.value;
    else if (parsed.kind === "invalid") {
      const where = `${sheet}!${reader.letter}${rowNumber} ${reader.header}`;
      errors.push(reason(parsed.code ?? "bad_value", `${where}：${parsed.zh}`, `${where}: ${parsed.en}`, reader.field));
    }
  }
  const amount = (field: FieldKey) => (read[field] as Decimal | number | undefined) ?? null;
  let onlineRetailIncrease = amount("onlineRetailIncrease");
  if (onlineRetailIncrease === null) {
    const thisYear = amount("retailThisYear");
    const lastYear = amount("retailLastYear");
    if (thisYear !== null && lastYear !== null) onlineRetailIncrease = dec(thisYear).minus(dec(lastYear));
  }
  const principal = amount("principal");
  const loanRate = amount("loanRate");
  const startDate = (read.startDate as string | undefined) ?? null;
  const endDate = (read.endDate as string | undefined) ?? null;
  const hasLoan = principal !== null || loanRate !== null || startDate !== null || endDate !== null;
  const facts: ApplicationFacts = {
    qualified: (read.qualified as boolean | undefined) ?? null,
    totalInvestment: amount("totalInvestment"),
    loan: hasLoan ? { principal, loanRate, startDate, endDate, interestPaid: amount("interestPaid") } : null,
    onlineRetailIncrease,
    importExport: amount("importExport"),
    firstTime: (read.firstTime as boolean | undefined) ?? null,
    eligibleCosts: amount("eligibleCosts"),
    level: (read.level as ApplicationFacts["level"]) ?? null,
    drivenOnlineSales: amount("drivenOnlineSales"),
    investmentLast3Years: amount("investmentLast3Years"),
    approvedAmount: amount("approvedAmount"),
  };
  let measure: string | number | null = sheetMeasure;
  const measureCell = measureColumn ? (cells[measureColumn.index] as CellValue) : null;
  if (measureCell !== null && measureCell !== undefined && !isEmptyCell(measureCell)) {
    if (typeof measureCell === "string" || typeof measureCell === "number") measure = measureCell;
    else {
      const where = `${sheet}!${measureColumn!.letter}${rowNumber} ${measureColumn!.header}`;
      const shown = showCell(measureCell);
      errors.push(
        reason("bad_value", `${where}：“${shown}”不是政策条款`, `${where}: ${JSON.stringify(shown)} is not a measure`, "measure"),
      );
    }
  }
  const text = (field: FieldKey) => (read[field] as string | undefined) ?? null;
  return {
    source: `${sheet}!${rowNumber}`,
    entityId: text("entityId"),
    entityName: text("entityName"),
    city: text("city"),
    year: (read.year as number | undefined) ?? null,
    measure,
    projectId: text("projectId"),
    facts,
    claimedAmount: amount("claimedAmount"),
    otherProvincialSupport: amount("otherProvincialSupport"),
    inputErrors: errors,
  };
}

export const WAN = new Decimal(10_000);
export const LOAN_RATE_MIN = new Decimal(INPUT_BOUNDS.loanRate.min);

/**
 * An InputError of a bounds check as a cell's problem: the cell's reader names the cell and its header, so the
 * check's own label (given empty) leaves only the words.
 */
function boundsProblem<T>(check: () => T): { zh: string; en: string; code: "bad_value" | "out_of_range" } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const strip = (text: string) => text.replace(/^[\s：:]+/, "");
    const code = error.reason.code === "out_of_range" ? "out_of_range" : "bad_value";
    return { zh: strip(error.reason.zh), en: strip(error.reason.en), code };
  }
}

const NO_LABEL = { zh: "", en: "" };

/**
 * An amount cell, bounds-checked whether or not the row's measure uses it (RULES.md revision 3, "Reading
 * numbers": a 总投资额 of 1E14 on a 第8条(2) row is an error naming the cell, not ignored).
 */
export function amountParser(spec: FieldSpec) {
  const read = unboundedAmountParser(spec);
  const negative = spec.kind === "signedAmount";
  return (cell: CellValue, unit: HeaderUnit): Parsed<Decimal | number> => {
    const parsed = read(cell, unit);
    if (parsed.kind !== "value") return parsed;
    const value = parsed.value;
    if (typeof value === "number" ? Math.abs(value) <= MAX_AMOUNT_NUMBER : value.abs().lessThanOrEqualTo(MAX_AMOUNT)) return parsed;
    const problem = boundsProblem(() => amountInput(value, spec.key, NO_LABEL, { negative }));
    return problem ? { kind: "invalid", ...problem } : parsed;
  };
}

const MAX_AMOUNT = new Decimal(INPUT_BOUNDS.maxAmount);
const MAX_AMOUNT_NUMBER = Number(INPUT_BOUNDS.maxAmount);

function unboundedAmountParser(spec: FieldSpec) {
  return (cell: CellValue, unit: HeaderUnit): Parsed<Decimal | number> => {
    // A plain number cell in a yuan column stays a number until a rule needs it (most rows use few columns);
    // decimal.js reads it from its shortest decimal form then, exactly as now.
    if (typeof cell === "number" && Number.isFinite(cell) && unit !== "wan" && (spec.kind !== "amount" || cell >= 0)) {
      return { kind: "value", value: cell };
    }
    // A percentage is a rate, never an amount of money: 3.45% in an amount column is a mistake, not 0.03 yuan.
    if (typeof cell === "string" && /[%％]/.test(cell)) {
      return { kind: "invalid", zh: `“${cell.trim()}”是百分数，应为金额`, en: `"${cell.trim()}" is a percentage; expected an amount` };
    }
    const parsed = parseNumberCell(cell);
    if (parsed.kind !== "value") return parsed;
    if (spec.kind === "amount" && parsed.value.isNegative()) {
      return {
        kind: "invalid",
        zh: `${showCell(cell)} 为负数，应为非负金额`,
        en: `${showCell(cell)} is negative; expected an amount of at least 0`,
      };
    }
    return unit === "wan" ? { kind: "value", value: parsed.value.times(WAN) } : parsed;
  };
}

/**
 * A rate cell: a fraction (3.45% is 0.0345); in a column whose header says %, plain numbers are percent points.
 * A plain number there that is already a fraction (0.029 for 2.9%) would be read a hundred times too small:
 * it is refused with the unit hint (RULES.md "Reading numbers").
 */
export function parseRate(cell: CellValue, unit: HeaderUnit, format?: string | null, kind: RateKind = "loan"): Parsed<Decimal> {
  const parsed = unboundedRate(cell, unit, format);
  if (parsed.kind !== "value") return parsed;
  // Bounds hold for every rate given, whether or not the row's measure uses it (RULES.md revision 3).
  const problem = boundsProblem(() => checkedRate(parsed.value, kind === "loan" ? "loanRate" : "rate", kind, NO_LABEL));
  return problem ? { kind: "invalid", ...problem } : parsed;
}

function unboundedRate(cell: CellValue, unit: HeaderUnit, format?: string | null): Parsed<Decimal> {
  const parsed = parseNumberCell(cell);
  if (parsed.kind !== "value") return parsed;
  // A cell formatted as a percentage holds the fraction (it shows 2.90% and holds 0.029), whatever the header.
  const selfDescribed = (typeof cell === "string" && cell.includes("%")) || (typeof cell === "number" && isPercentFormat(format));
  if (unit !== "percent" || selfDescribed) return parsed;
  const points = parsed.value;
  const rate = points.dividedBy(100);
  if (!rate.isZero() && rate.lessThan(LOAN_RATE_MIN)) {
    const shown = showCell(cell);
    return {
      kind: "invalid",
      code: "out_of_range",
      zh: `表头带 %，${shown} 即 ${shown}%，低于合理范围；若利率为 ${formatRate(points)}，请在此列写 ${points.times(100).toString()}，或把单元格设为百分比格式`,
      en: `the header says %, so ${shown} reads as ${shown}%, below the plausible range; if the rate is ${formatRate(points)}, write ${points.times(100).toString()} in this column, or format the cell as a percentage`,
    };
  }
  return { kind: "value", value: rate };
}

export function parseLevel(cell: CellValue): Parsed<"national" | "provincial"> {
  const parsed = parseTextCell(cell);
  if (parsed.kind !== "value") return parsed;
  const level = levelOf(toHalfWidth(parsed.value));
  return level
    ? { kind: "value", value: level }
    : {
        kind: "invalid",
        zh: `“${parsed.value}”不是示范级别（国家级/省级）`,
        en: `${JSON.stringify(parsed.value)} is not a level (national/国家级 or provincial/省级)`,
      };
}

/** A number format that shows a percentage (`0.00%`), the `%` outside quotes and brackets. */
export function isPercentFormat(format: string | undefined | null): boolean {
  return !!format && format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").includes("%");
}

/** A reason about a field gets the cell it came from, unless it already names one. */
/** The text without a leading label it repeats (`统一社会信用代码 9123… 校验位错误` after `…B36 统一社会信用代码：`). */
function withoutLead(text: string, ...labels: (string | undefined)[]): string {
  for (const label of labels) {
    if (label && text.startsWith(`${label} `)) return text.slice(label.length + 1);
  }
  return text;
}

export function locate(r: Reason, index: CellIndex): Reason {
  if (r.severity === "info" || r.en.startsWith(`${index.sheet}!`)) return r;
  if (!r.field) return { ...r, zh: `${index.sheet}!${index.row}：${r.zh}`, en: `${index.sheet}!${index.row}: ${r.en}` };
  const field = r.field as FieldKey;
  const column = index.columns.get(field);
  const spec = FIELD_BY_KEY.get(field);
  if (column) {
    const where = `${index.sheet}!${column.letter}${index.row} ${column.header}`;
    // A reason that starts with the header's own words (统一社会信用代码 …) does not say them twice.
    return { ...r, zh: `${where}：${withoutLead(r.zh, column.header, spec?.zh)}`, en: `${where}: ${r.en}` };
  }
  if (spec) {
    return {
      ...r,
      zh: `${index.sheet}!${index.row}（无“${spec.zh}”列）：${r.zh}`,
      en: `${index.sheet}!${index.row} (no "${spec.en}" column): ${r.en}`,
    };
  }
  return r;
}
