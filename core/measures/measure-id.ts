import { InputError } from "../errors/errors";
import { toHalfWidth } from "../text/half-width";

/** Every measure of the policy: 第1–20条, with the two-part clauses 4, 6 and 8 split into a and b. */
export const MEASURE_IDS = [
  "M1",
  "M2",
  "M3",
  "M4a",
  "M4b",
  "M5",
  "M6a",
  "M6b",
  "M7",
  "M8a",
  "M8b",
  "M9",
  "M10",
  "M11",
  "M12",
  "M13",
  "M14",
  "M15",
  "M16",
  "M17",
  "M18",
  "M19",
  "M20",
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** Measures that can pay provincial cash (第14条 and 第18条 through a person's decision). */
export const CASH_MEASURE_IDS = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b", "M14", "M18", "M19"] as const;
export type CashMeasureId = (typeof CASH_MEASURE_IDS)[number];

/** Clauses with two measures: the bare clause number does not say which. */
const SPLIT_CLAUSES: Readonly<Record<number, readonly [MeasureId, MeasureId]>> = {
  4: ["M4a", "M4b"],
  6: ["M6a", "M6b"],
  8: ["M8a", "M8b"],
};

export type MeasureRef =
  | { kind: "measure"; id: MeasureId }
  /** A clause with two measures, given without saying which (`第6条`): a host may settle it from other facts. */
  | { kind: "clause"; clause: number; candidates: readonly [MeasureId, MeasureId] };

export function isMeasureId(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}

export function isCashMeasure(id: MeasureId): id is CashMeasureId {
  return (CASH_MEASURE_IDS as readonly string[]).includes(id);
}

const CLAUSE_NUMBERS: ReadonlyMap<string, number> = new Map(MEASURE_IDS.map((id) => [id, Number(/\d+/.exec(id)![0])]));

export function clauseNumber(id: MeasureId): number {
  return CLAUSE_NUMBERS.get(id)!;
}

const CITATIONS: ReadonlyMap<string, string> = new Map(
  MEASURE_IDS.map((id) => {
    const part = /[ab]$/.exec(id)?.[0];
    return [id, `第${CLAUSE_NUMBERS.get(id)}条${part ? `(${part === "a" ? 1 : 2})` : ""}`];
  }),
);

/** `第1条`, `第4条(1)` … the citation form of a measure id. */
export function clauseCitation(id: MeasureId): string {
  return CITATIONS.get(id)!;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  const tens = /^([二]?)十([一二三四五六七八九]?)$/.exec(text);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]] : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]] : 0);
  return text.length === 1 && text in CHINESE_DIGITS ? CHINESE_DIGITS[text] : null;
}

const PART_NUMBERS: Readonly<Record<string, number>> = { a: 1, b: 2, "1": 1, "2": 2, 一: 1, 二: 2, "①": 1, "②": 2, "⑴": 1, "⑵": 2 };

// M1 · 1 · 第1条 · 第一条 · 4a · M4a · 4(1) · 4（1）· 第4条(1) · 第4条第1款 · 4-1 · 4.1 · 4① · 4⑴
const MEASURE_PATTERN = /^(?:m|第)?(\d{1,2}|[一二三四五六七八九十]{1,3})条?(?:([ab])|\(([12一二])\)|([①②⑴⑵])|[-.]([12])|第([12一二])款)?$/;

export function parseMeasureRef(input: unknown): MeasureRef {
  const text = typeof input === "number" && Number.isInteger(input) ? String(input) : typeof input === "string" ? input : null;
  if (text !== null) {
    const normalised = toHalfWidth(text).replace(/\s+/g, "").toLowerCase();
    const match = MEASURE_PATTERN.exec(normalised);
    const clause = match ? chineseNumber(match[1]) : null;
    if (match && clause !== null && clause >= 1 && clause <= 20) {
      const partText = match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6];
      const split = SPLIT_CLAUSES[clause];
      if (partText === undefined) {
        return split ? { kind: "clause", clause, candidates: split } : { kind: "measure", id: `M${clause}` as MeasureId };
      }
      if (split) return { kind: "measure", id: split[PART_NUMBERS[partText] - 1] };
    }
  }
  throw unknownMeasure(input);
}

/** A canonical measure id, or an InputError that lists the valid ids (a bare `4`, `6` or `8` says which to pick). */
export function parseMeasureId(input: unknown, field = "measure"): MeasureId {
  const ref = parseMeasureRef(input);
  if (ref.kind === "measure") return ref.id;
  const [a, b] = ref.candidates;
  throw new InputError(
    "type",
    field,
    `第${ref.clause}条含两项措施，请写明 ${a.slice(1)} 或 ${b.slice(1)}（如 ${a}、${b}、${ref.clause}(1)、${ref.clause}(2)）`,
    `第${ref.clause}条 (clause ${ref.clause}) has two measures: write ${a.slice(1)} or ${b.slice(1)} (${a}, ${b}, ${ref.clause}(1), ${ref.clause}(2))`,
    "unknown_measure",
  );
}

function unknownMeasure(input: unknown): InputError {
  const shown = typeof input === "string" ? JSON.stringify(input) : String(input);
  return new InputError(
    "type",
    "measure",
    `未知的政策条款 ${shown}；有效编号：${MEASURE_IDS.join("、")}（也可写 1、第1条、4a、4(1)）`,
    `unknown measure ${shown}; valid ids: ${MEASURE_IDS.join(", ")} (also written 1, 第1条, 4a, 4(1))`,
    "unknown_measure",
  );
}
