/** The words of a row's own reasons: duplicate, province, validity, claim and other support. */
import { Decimal, formatYuan } from "../money/money";
import { Options } from "../options";
import { ParameterSet } from "../policy/types";
import { Reason, reason } from "../reasons/reasons";

/** A row whose cells are those of an earlier row (SCREENING.md duplicate_row). */
export function duplicateRowReason(firstSource: string): Reason {
  return reason("duplicate_row", `与 ${firstSource} 完全相同的重复行`, `identical to ${firstSource}: a duplicate row`);
}

/** The credit code's registering authority is outside Heilongjiang: a warning on every measure but 第2、3条. */
export function outOfProvinceWarning(normalised: string): Reason {
  return reason(
    "out_of_province",
    `统一社会信用代码 ${normalised} 的登记机关不在黑龙江省（${normalised.slice(2, 8)}）`,
    `credit code ${normalised} was registered outside Heilongjiang (division ${normalised.slice(2, 8)})`,
    "entityId",
  );
}

export function outsideValidityReason(year: number, policy: ParameterSet): Reason {
  const first = policy.validity.firstAwardYear;
  const last = policy.validity.lastAwardYear;
  return reason(
    "outside_validity",
    `申报年度 ${year} 不在政策有效期（${first.value}–${last.value}年，${last.title.zh}）内`,
    `award year ${year} is outside the policy's validity (${first.value}–${last.value})`,
    "year",
  );
}

/** A row's own reasons: its award's, then the batch's warnings about the row. */
export function rowReasons(awardReasons: Reason[], warnings: readonly Reason[]): Reason[] {
  // 第2条 and 第3条 say out_of_province themselves (the row is then manual); elsewhere it is the batch's warning.
  const own = warnings.length > 0 && awardReasons.some((r) => r.code === "out_of_province");
  return warnings.length && !own ? [...awardReasons, ...warnings] : awardReasons;
}

export function claimReason(claimed: Decimal, amount: Decimal): Reason | null {
  if (claimed.lessThan(amount)) {
    return reason(
      "claim_lower_than_computed",
      `申报金额 ${formatYuan(claimed)} 低于核算金额 ${formatYuan(amount)}，按申报金额`,
      `claimed ${formatYuan(claimed)} is below the computed ${formatYuan(amount)}: the claim is awarded`,
    );
  }
  if (claimed.greaterThan(amount)) {
    return reason(
      "claim_exceeds_computed",
      `申报金额 ${formatYuan(claimed)} 高于核算金额 ${formatYuan(amount)}，按核算金额`,
      `claimed ${formatYuan(claimed)} exceeds the computed ${formatYuan(amount)}: the computed amount is awarded`,
    );
  }
  return null;
}

/** Support under other provincial policies (not zero) against the row's amount: excluded, nothing to top up, or the top-up. */
export function otherSupportReason(other: Decimal, amount: Decimal, otherSupport: Options["otherSupport"]): Reason {
  if (otherSupport === "exclude") {
    return reason(
      "other_support_excluded",
      `已获其他省级支持 ${formatYuan(other)}，按设定不再重复支持`,
      `other provincial support of ${formatYuan(other)} received: excluded`,
    );
  }
  if (other.greaterThanOrEqualTo(amount)) {
    return reason(
      "other_support_higher",
      `已获其他省级支持 ${formatYuan(other)} 不低于本项 ${formatYuan(amount)}，就高不再补足`,
      `other provincial support ${formatYuan(other)} is at least this award ${formatYuan(amount)}: nothing to top up`,
    );
  }
  const topUp = amount.minus(other);
  return reason(
    "other_support_deducted",
    `已获其他省级支持 ${formatYuan(other)}，补足差额 ${formatYuan(topUp)}`,
    `other provincial support ${formatYuan(other)} deducted: top-up ${formatYuan(topUp)}`,
  );
}
