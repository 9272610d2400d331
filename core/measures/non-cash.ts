/**
 * 第9–13、15–17、20条 — measures with no provincial cash in this text (13 leaves subsidies to the cities). A row
 * citing one gets `not_cash` with the clause's title and the words 本条未设省级资金奖补 (RULES.md), never an amount.
 */
import { RuleField } from "../policy/types";
import { AwardBuilder } from "./award-builder";
import { FastRule } from "./fast";
import { MeasureId } from "./measure-id";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of a non-cash measure's entry its rule reads: the note on who supports it instead. */
export const NON_CASH_READS: readonly RuleField[] = ["nonCashNote"];

export function awardNonCash(measure: MeasureId, _facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder(measure, context).run((b) => {
    b.status = "not_cash";
    const note = b.params.nonCashNote;
    b.because(
      "not_cash",
      `${b.params.title.zh}：本条未设省级资金奖补${note ? `（${note.zh}）` : ""}`,
      `${b.params.title.en}: this clause sets no provincial cash award${note ? ` (${note.en})` : ""}`,
    );
    b.step("not-cash", () => [
      `说明：本条未设省级资金奖补${note ? `（${note.zh}）` : ""}`,
      `Note: this clause sets no provincial cash award${note ? ` (${note.en})` : ""}`,
    ]);
  });
}

/** The same rule in whole fen (measures/fast.ts): status and code only. */
export const fastNonCash: FastRule = (_facts, _row, _context, out) => {
  out.status = "not_cash";
  out.codes.push("not_cash");
  return true;
};
