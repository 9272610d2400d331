/** The words of what the batch did to a row, made from the numbers its steps recorded. */
import { MeasureId, clauseCitation } from "../measures/measure-id";
import { Decimal, formatYuan } from "../money/money";
import { Options } from "../options";
import { Localized } from "../policy/types";
import { Reason, reason } from "../reasons/reasons";
import { HistoryEntry } from "../rows/history-records";
import { CapUse } from "../rows/types";

export function unreadableHistoryReason(record: { source: string; zh: string; en: string }): Reason {
  return reason(
    "manual_review",
    `历史兑现记录 ${record.source} 无法读取（${record.zh}）：该主体已获支持情况需人工核对`,
    `history record ${record.source} cannot be read (${record.en}): a person must check what this entity already received`,
  );
}

export function twoPartsReason(record: Pick<HistoryEntry, "source" | "written" | "amount">): Reason {
  return reason(
    "history_two_parts",
    `历史兑现 ${record.source} 的条款“${record.written}”未写明哪一项，按两项均已兑现 ${formatYuan(record.amount)} 计（一次性措施不再支持，两项上限均扣减）`,
    `history ${record.source} names “${record.written}” without its part: counted for both parts, ${formatYuan(record.amount)} (one-time awards refused, both caps reduced)`,
  );
}

/** A paid history record of a measure with cap tiers (第1条) without the project's 总投资额: counted against every limit. */
export function noTierReason(record: Pick<HistoryEntry, "source" | "amount">): Reason {
  return reason(
    "history_tier_unknown",
    `历史兑现 ${record.source} 未写明项目总投资额，其 ${formatYuan(record.amount)} 按计入本条各档上限计（写明总投资额则只计入该项目所在档及以上的上限）`,
    `history ${record.source} gives no total investment: its ${formatYuan(record.amount)} counts against every limit of this clause (with the project's total investment it would count against its own tier's limits only)`,
  );
}

/**
 * A one-time award the history says was paid: the record, and whose award it was — the project it names, or,
 * naming none, every project of the entity (a conservative reading, said); M4b is per entity.
 */
export function receivedBeforeReason(
  clause: string,
  paid: Pick<HistoryEntry, "source" | "year" | "amount" | "project">,
  perEntity: boolean,
): Reason {
  const whose =
    perEntity || paid.project === null
      ? { zh: "该主体", en: "" }
      : { zh: `该主体项目“${paid.project}”`, en: ` for project “${paid.project}”` };
  const note =
    !perEntity && paid.project === null
      ? {
          zh: "；该记录未写明项目名称，按该主体各项目均已获得计",
          en: "; the record names no project, so it counts for every project of the entity",
        }
      : { zh: "", en: "" };
  return reason(
    "already_received",
    `${whose.zh}已获${clause}一次性奖补（${paid.source}${paid.year !== null ? `，${paid.year}年度` : ""}，${formatYuan(paid.amount)}）${note.zh}`,
    `already received this one-time award${whose.en} (${paid.source}${paid.year !== null ? `, ${paid.year}` : ""}, ${formatYuan(paid.amount)})${note.en}`,
  );
}

/**
 * 首次达到 contradicted by the data (RULES.md revision 3), naming the evidence: an earlier award year's row of the
 * batch whose import+export reached the part's threshold (M4a: the same site), or the record that paid the part.
 */
export function notFirstTimeReason(
  measure: MeasureId,
  evidence: { row: { source: string; year: number } } | { record: Pick<HistoryEntry, "source" | "year" | "amount"> },
): Reason {
  const clause = clauseCitation(measure);
  const whose = measure === "M4a" ? { zh: "同一独立站", en: "the same site" } : { zh: "该主体", en: "the entity" };
  if ("row" in evidence) {
    const { source, year } = evidence.row;
    return reason(
      "not_first_time",
      `“首次达到”与本批数据不符：${source}（${year}年度）${whose.zh}的年度进出口额已达到${clause}的门槛`,
      `首次达到 (first reaches) is contradicted by this batch: ${source} (${year}) shows ${whose.en}'s import+export already at or above ${clause}'s threshold`,
    );
  }
  const { source, year, amount } = evidence.record;
  return reason(
    "not_first_time",
    `“首次达到”与历史兑现不符：${source}${year !== null ? `（${year}年度）` : ""}已兑现${clause} ${formatYuan(amount)}`,
    `首次达到 (first reaches) is contradicted by the history: ${source}${year !== null ? ` (${year})` : ""} paid ${clause} ${formatYuan(amount)}`,
  );
}

export function firstAwardYearReason(clause: string, first: { source: string; year: number }): Reason {
  return reason(
    "already_received",
    `一次性措施只在首个申报年度支持：本批 ${first.source}（${first.year}年度）已就同一${clause === clauseCitation("M4b") ? "主体" : "项目"}申报${clause}`,
    `a one-time award is paid in its first award year only: ${first.source} (${first.year}) of this batch already claims ${clause} for the same ${clause === clauseCitation("M4b") ? "entity" : "project"}`,
  );
}

/** `loan` mode: a later award year of a loan the batch already claims (RULES.md revision 3, change 5). */
export function loanPaidReason(first: { source: string; year: number }): Reason {
  return reason(
    "already_received",
    `贴息区间按整笔贷款一次计算，一笔贷款只兑现一次：同一笔贷款（同一项目、本金、起始日）已由本批 ${first.source}（${first.year}年度）申报`,
    `in loan mode (interestWindow = loan) a loan is paid once: the same loan (same project, principal and start date) is claimed by ${first.source} (${first.year}) of this batch`,
  );
}

/** A shared limit that bit: what history, earlier years and earlier rows had used, and what was left. */
export function sharedCapReason(use: CapUse, year: number): Reason {
  const used = use.history.plus(use.earlierYears).plus(use.earlierRows);
  const scope = use.scope;
  const scopeZh = scope === "entity-year" ? `${year}年度` : scope === "entity-lifetime" ? "一次性" : "累计";
  const scopeEn = scope === "entity-year" ? `${year}` : scope === "entity-lifetime" ? "one-time" : "cumulative";
  return reason(
    "cap_applied",
    `${scopeZh}上限 ${formatYuan(use.limit)}，已使用 ${formatYuan(used)}（历史兑现 ${formatYuan(use.history)}，本批以前年度 ${formatYuan(use.earlierYears)}，本年度前序行 ${formatYuan(use.earlierRows)}），剩余 ${formatYuan(use.remaining)}：${formatYuan(use.before)} → ${formatYuan(use.after)}`,
    `${scopeEn} cap ${formatYuan(use.limit)}, already used ${formatYuan(used)} (history ${formatYuan(use.history)}, earlier years of this batch ${formatYuan(use.earlierYears)}, earlier rows of this year ${formatYuan(use.earlierRows)}), remaining ${formatYuan(use.remaining)}: ${formatYuan(use.before)} → ${formatYuan(use.after)}`,
  );
}

/** Appended to a shared cap's reason: rows that used the limit first and then lost 不重复. */
export function addTakersNote(capped: Reason, losers: readonly string[]): void {
  capped.zh += `；其中 ${losers.join("、")} 在不重复中落选，但其占用的额度先于不重复计算`;
  capped.en += `; of this, ${losers.join(", ")} then lost 不重复, but shared caps are applied before it`;
}

/** The winner of 不重复 as the superseded rows name it: its clause, its first row and its total. */
export function winnerWords(winner: MeasureId, winnerSource: string, total: Decimal): Localized {
  const shown = formatYuan(total);
  return {
    zh: `由 ${clauseCitation(winner)}（${winnerSource}，合计 ${shown}）支持`,
    en: `goes to ${clauseCitation(winner)} (${winnerSource}, total ${shown})`,
  };
}

/**
 * How a tie of 不重复 was broken (RULES.md revision 3: the superseded row's explanation says it was a tie and
 * which rule broke it): `clause`, the lower clause number; `row`, the two parts of one clause, the earlier row.
 */
export type DedupTie = "clause" | "row";

const TIE_WORDS: Readonly<Record<DedupTie, Localized>> = {
  clause: { zh: "（两者金额相同，按条款序号在前者优先）", en: " (a tie: the lower clause number wins)" },
  row: { zh: "（同条两项金额相同，按申报行在前者优先）", en: " (a tie between the two parts of one clause: the earlier row wins)" },
};

export function supersededReason(
  winner: Localized,
  dedupScope: Options["dedupScope"],
  year: number,
  amount: Decimal,
  tie: DedupTie | null = null,
): Reason {
  const scopeZh = dedupScope === "entity-year" ? `${year}年度` : `${year}年度同一项目`;
  const scopeEn = dedupScope === "entity-year" ? `${year} award` : `${year} project award`;
  const shown = formatYuan(amount);
  const tieWords = tie ? TIE_WORDS[tie] : { zh: "", en: "" };
  return reason(
    "superseded_by",
    `从优、就高、不重复：同一主体${scopeZh}${winner.zh}${tieWords.zh}，本行 ${shown} 不再支持`,
    `no duplication: the entity's ${scopeEn} ${winner.en}${tieWords.en}; this row's ${shown} is superseded`,
  );
}
