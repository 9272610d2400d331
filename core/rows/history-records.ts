/** History records (历史兑现) read and checked: each names its entity, its measure or both parts of a clause, its year and amount. */
import { InputError } from "../errors/errors";
import { Decimal } from "../money/money";
import { nonNegativeAmount, optionalAmount } from "../money/input";
import { MeasureId, parseMeasureRef } from "../measures/measure-id";
import { capFor } from "../measures/award-builder";
import { measureParams, paramDecimal } from "../policy/registry";
import { ParameterSet } from "../policy/types";
import { checkUscc, normaliseUscc } from "../uscc/uscc";
import { BatchResult, HistoryRecord } from "./types";
export interface HistoryEntry {
  entity: string;
  /** One measure, or both parts of a clause the record names without saying which (第4条, 第6条, 第8条). */
  measures: readonly MeasureId[];
  /** The clause as the record wrote it, when it names two measures. */
  written: string | null;
  year: number | null;
  amount: Decimal;
  source: string;
  /**
   * The paid project's cap tier for a measure with tiers (第1条: 1 for the upper investment level): a payment counts against
   * the limits of its own tier and above. Without the record's 总投资额 it is 0, against every limit, and
   * `tierUnknown` says so.
   */
  capTier: number;
  tierUnknown: boolean;
  /** The project the record names (项目名称), trimmed; null when it names none (then: every project of the entity). */
  project: string | null;
}

export interface History {
  entries: HistoryEntry[];
  byEntity: Map<string, HistoryEntry[]>;
  /** Entities with a record that could not be read → those records' sources and why. */
  unreadable: Map<string, { source: string; zh: string; en: string }[]>;
  problems: BatchResult["historyProblems"];
}

export function readHistory(records: readonly HistoryRecord[], policy: ParameterSet): History {
  const history: History = { entries: [], byEntity: new Map(), unreadable: new Map(), problems: [] };
  records.forEach((record, index) => {
    const source = record.source ?? `history ${index + 1}`;
    const entityText = normaliseUscc(String(record.entityId ?? ""));
    const unreadable = (zh: string, en: string) => {
      history.problems.push({
        source,
        zh: `${source}：${zh}（该记录无法读取，该企业的申报行转人工核定）`,
        en: `${source}: ${en} (record unreadable: the entity's rows go to a person)`,
      });
      if (entityText === "") return;
      const list = history.unreadable.get(entityText) ?? [];
      list.push({ source, zh, en });
      history.unreadable.set(entityText, list);
    };
    if (record.unreadable) {
      unreadable(record.unreadable.zh, record.unreadable.en);
      return;
    }
    try {
      const uscc = checkUscc(entityText);
      if (!uscc.valid) throw new InputError("type", "entityId", uscc.zh!, uscc.en!);
      const ref = parseMeasureRef(record.measure);
      const amount = nonNegativeAmount(record.amount, "amount", { zh: "兑现金额", en: "amount paid" });
      const year = record.year === null || record.year === undefined ? null : Number(record.year);
      if (year !== null && !Number.isInteger(year))
        throw new InputError("type", "year", `年度 ${record.year} 无效`, `year ${record.year} is not a year`);
      const measures = ref.kind === "measure" ? [ref.id] : partsOfClause(ref.candidates, amount, policy);
      // An annual cap needs the year the record was paid in; without it the record could count for no year
      // and be dropped silently. (A one-time measure is refused whatever the year.)
      const annual = measures.find((id) => {
        const params = measureParams(policy, id);
        return params.cap?.scope === "entity-year" && params.oneTime !== true;
      });
      if (year === null && annual !== undefined) {
        throw new InputError(
          "missing",
          "year",
          `年度为空：${annual} 的上限按年度计算，须写明该笔兑现的年度`,
          `no year: ${annual}'s cap is per year, so the record needs the year it was paid in`,
        );
      }
      const tier = recordTier(measures, record.totalInvestment, policy);
      const entry: HistoryEntry = {
        entity: uscc.normalised,
        measures,
        written: measures.length > 1 ? String(record.measure) : null,
        year,
        amount,
        source,
        capTier: tier.capTier,
        tierUnknown: tier.unknown,
        project: record.projectId == null || String(record.projectId).trim() === "" ? null : String(record.projectId).trim(),
      };
      history.entries.push(entry);
      const ofEntity = history.byEntity.get(entry.entity);
      if (ofEntity) ofEntity.push(entry);
      else history.byEntity.set(entry.entity, [entry]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable(e.reason.zh, e.reason.en);
    }
  });
  return history;
}

/** A record's cap tier (RULES.md "M1's two caps together"): by its 总投资额 where given, bounds checked, used or not. */
function recordTier(
  measures: readonly MeasureId[],
  raw: HistoryRecord["totalInvestment"],
  policy: ParameterSet,
): { capTier: number; unknown: boolean } {
  const given = optionalAmount(raw, "totalInvestment", { zh: "总投资额", en: "total investment" });
  const tiered = measures.some((id) => (measureParams(policy, id).cap?.tiers?.length ?? 0) > 0);
  if (!tiered) return { capTier: 0, unknown: false };
  if (given === null) return { capTier: 0, unknown: true };
  let capTier = 0;
  for (const id of measures) capTier = Math.max(capTier, capFor(measureParams(policy, id), { totalInvestment: given })?.tier ?? 0);
  return { capTier, unknown: false };
}

/**
 * A record that names a two-part clause without its part is settled where the amount tells (第6条: the national
 * base award's amount or the provincial one's); otherwise it counts for both parts.
 */
function partsOfClause(candidates: readonly [MeasureId, MeasureId], amount: Decimal, policy: ParameterSet): MeasureId[] {
  const byAmount = candidates.filter((id) => {
    const fixed = measureParams(policy, id).amount;
    return measureParams(policy, id).kind === "fixed" && fixed !== undefined && paramDecimal(fixed).equals(amount);
  });
  return byAmount.length === 1 ? byAmount : [...candidates];
}
