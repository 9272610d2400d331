import { PolicyDataError } from "../errors/errors";
import { parseIsoDate } from "../dates/civil-date";
import { MEASURE_READS } from "../measures";
import { CASH_MEASURE_IDS, MEASURE_IDS, MeasureId, clauseCitation } from "../measures/measure-id";
import draft2025 from "./sets/hlj-ecommerce-2025-draft.json";
import { CATALOGUE_FIELDS, MeasureParams, Param, ParameterSet } from "./types";

export { measureCitation, measureParams, paramDecimal, paramYuan } from "./lookup";

/** The sets shipped with the product; the first is the default. */
const BUILT_IN: readonly unknown[] = [draft2025];

const validated = new WeakSet<object>();
const registry = new Map<string, ParameterSet>();
for (const set of BUILT_IN) registerParameterSet(set);

export const DEFAULT_POLICY_ID: string = (BUILT_IN[0] as ParameterSet).id;

/** Check a parameter set's shape and add it; returns the frozen set. A set with the same id is replaced. */
export function registerParameterSet(raw: unknown): ParameterSet {
  const set = validateParameterSet(raw);
  registry.set(set.id, set);
  return set;
}

export function listParameterSets(): ParameterSet[] {
  return [...registry.values()];
}

/** A set by id, or the set itself when one is passed (callers may use an unregistered set directly). */
export function getParameterSet(policy?: string | ParameterSet): ParameterSet {
  if (policy !== undefined && typeof policy !== "string") return validateParameterSet(policy);
  const id = policy ?? DEFAULT_POLICY_ID;
  const set = registry.get(id);
  if (!set) {
    throw new PolicyDataError(id, [`unknown policy; known: ${[...registry.keys()].join(", ")}`]);
  }
  return set;
}

export function validateParameterSet(raw: unknown): ParameterSet {
  if (typeof raw === "object" && raw !== null && validated.has(raw)) return raw as ParameterSet;
  const problems: string[] = [];
  const set = raw as ParameterSet;
  const id = typeof set?.id === "string" && set.id.trim() !== "" ? set.id : "(no id)";
  if (typeof raw !== "object" || raw === null) throw new PolicyDataError(id, ["not an object"]);
  if (id === "(no id)") problems.push("id: a non-empty string is required");
  checkLocalized(set.title, "title", problems);
  checkParam(set.validity?.firstAwardYear, "validity.firstAwardYear", problems);
  checkParam(set.validity?.lastAwardYear, "validity.lastAwardYear", problems);
  checkPeriod(set, problems);
  checkParam(set.interestSubsidy?.maxMonths, "interestSubsidy.maxMonths", problems);
  const bases = set.interestSubsidy?.dayCountBases;
  if (!bases || !Array.isArray(bases.value) || bases.value.length === 0 || bases.value.some((b) => !(b > 0))) {
    problems.push("interestSubsidy.dayCountBases: a list of positive day-count bases is required (the first is the default)");
  }
  if (!Array.isArray(set.measures)) {
    problems.push("measures: a list is required");
  } else {
    const seen = new Set<string>();
    for (const measure of set.measures) {
      const where = `measures.${measure?.id ?? "?"}`;
      if (!(MEASURE_IDS as readonly string[]).includes(measure?.id)) {
        problems.push(`${where}: unknown measure id (known: ${MEASURE_IDS.join(", ")})`);
        continue;
      }
      if (seen.has(measure.id)) problems.push(`${where}: listed twice`);
      seen.add(measure.id);
      checkMeasure(measure, where, problems);
      checkReads(id, measure, problems);
    }
    for (const required of MEASURE_IDS) {
      if (!seen.has(required)) problems.push(`measures.${required}: missing from the catalogue`);
    }
  }
  if (problems.length) throw new PolicyDataError(id, problems);
  const frozen = deepFreeze(set);
  validated.add(frozen);
  return frozen;
}

function checkPeriod(set: ParameterSet, problems: string[]): void {
  const period = set.subsidyPeriod;
  const start = period?.effectiveFrom?.value;
  if (!period || parseIsoDate(String(start)) === null || parseIsoDate(String(period.end)) === null || period.end < start) {
    problems.push("subsidyPeriod: effectiveFrom.value and end dates (YYYY-MM-DD, effectiveFrom ≤ end) are required");
    return;
  }
  checkLocalized(period.title, "subsidyPeriod.title", problems);
  // Every output that depends on the date names it in these words (a stand-in says it is one).
  checkLocalized(period.effectiveFrom.title, "subsidyPeriod.effectiveFrom.title", problems);
  if (typeof period.effectiveFrom.assumed !== "boolean") problems.push("subsidyPeriod.effectiveFrom.assumed: true or false is required");
  const years = [Number(start.slice(0, 4)), Number(period.end.slice(0, 4))];
  const validity = [set.validity?.firstAwardYear?.value, set.validity?.lastAwardYear?.value];
  if (years[0] !== validity[0] || years[1] !== validity[1]) {
    problems.push(`subsidyPeriod: its years ${years.join("–")} must be the award years of validity (${validity.join("–")})`);
  }
}

function checkMeasure(m: MeasureParams, where: string, problems: string[]): void {
  checkLocalized(m.title, `${where}.title`, problems);
  if (!Number.isInteger(m.clause) || m.clause < 1) problems.push(`${where}.clause: a clause number is required`);
  const isCash = (CASH_MEASURE_IDS as readonly string[]).includes(m.id);
  if (m.cash !== isCash) problems.push(`${where}.cash: ${m.id} is ${isCash ? "" : "not "}a cash measure in the rules`);
  if (m.threshold) {
    checkParam(m.threshold, `${where}.threshold`, problems);
    if (m.threshold.comparison !== ">" && m.threshold.comparison !== ">=") problems.push(`${where}.threshold.comparison: ">" or ">="`);
  }
  if (m.rate) {
    checkParam(m.rate, `${where}.rate`, problems);
    if (!(m.rate.value >= 0 && m.rate.value <= 1)) problems.push(`${where}.rate: a fraction between 0 and 1`);
  }
  if (m.amount) checkParam(m.amount, `${where}.amount`, problems);
  if (m.cap?.amount) checkParam(m.cap.amount, `${where}.cap.amount`, problems);
  for (const [i, tier] of (m.cap?.tiers ?? []).entries()) {
    checkParam(tier, `${where}.cap.tiers[${i}]`, problems);
    checkParam(tier.amount, `${where}.cap.tiers[${i}].amount`, problems);
  }
  const needs: Record<string, (keyof MeasureParams)[]> = {
    interest: ["cap"],
    percentage: ["base", "rate", "threshold", "cap"],
    fixed: ["amount", "cap"],
    manual: [],
    none: [],
  };
  for (const key of needs[m.kind] ?? []) {
    if (m[key] === undefined) problems.push(`${where}.${key}: required for a ${m.kind} measure`);
  }
  if (!(m.kind in needs)) problems.push(`${where}.kind: one of ${Object.keys(needs).join(", ")}`);
  if ((m.kind === "interest" || m.kind === "percentage") && !m.cap?.amount) problems.push(`${where}.cap.amount: required`);
}

/** A field the measure's rule does not read would be silently ignored: refused, naming the set, measure and clause. */
function checkReads(setId: string, m: MeasureParams, problems: string[]): void {
  const id = m.id as MeasureId;
  const allowed = new Set<string>([...CATALOGUE_FIELDS, ...MEASURE_READS[id]]);
  for (const field of Object.keys(m)) {
    if (!allowed.has(field)) problems.push(`${setId}: ${id} (${clauseCitation(id)}) has ${field}, which its rule does not read`);
  }
}

function checkParam(p: Param<unknown> | undefined, where: string, problems: string[]): void {
  if (!p || typeof p !== "object") {
    problems.push(`${where}: missing`);
    return;
  }
  if (typeof p.value !== "number" || !Number.isFinite(p.value) || p.value < 0) problems.push(`${where}.value: a non-negative number`);
  if (typeof p.clause !== "string" || p.clause.trim() === "") problems.push(`${where}.clause: the clause citation (第N条) is required`);
  checkLocalized(p.title, `${where}.title`, problems);
}

function checkLocalized(value: { zh?: unknown; en?: unknown } | undefined, where: string, problems: string[]): void {
  if (!value || typeof value.zh !== "string" || typeof value.en !== "string" || !value.zh || !value.en) {
    problems.push(`${where}: a Chinese and an English title are required`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
