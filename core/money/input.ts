import { InputError } from "../errors/errors";
import { INPUT_BOUNDS } from "../policy/input-bounds";
import { Decimal, DecimalInput, dec, formatYuan } from "./money";

const MAX_AMOUNT = new Decimal(INPUT_BOUNDS.maxAmount);
const MIN_AMOUNT = MAX_AMOUNT.negated();

/** A number for a message: as written when short, else in scientific form (a 400-digit input stays readable). */
export function shownNumber(value: Decimal): string {
  const text = value.toString();
  return text.length <= 24 ? text : value.toSignificantDigits(6).toExponential();
}

/**
 * A finite amount from a rule input, at most 10^13 yuan in size (RULES.md "Reading numbers"; negative only
 * where a decline is real), or an InputError naming the field and what was expected.
 */
export function amountInput(
  value: DecimalInput | null | undefined,
  field: string,
  label: { zh: string; en: string },
  { negative = false }: { negative?: boolean } = {},
): Decimal {
  if (value === null || value === undefined || value === "") {
    throw new InputError("missing", field, `缺少${label.zh}`, `${label.en} is missing`);
  }
  let amount: Decimal;
  try {
    amount = dec(value);
  } catch {
    throw new InputError("type", field, `${label.zh}：${String(value)} 不是数字`, `${label.en}: ${JSON.stringify(value)} is not a number`);
  }
  if (!amount.isFinite()) {
    throw new InputError(
      "range",
      field,
      `${label.zh}：不是有限数字（${String(value)}）`,
      `${label.en}: not a finite number (${String(value)})`,
      "out_of_range",
    );
  }
  if (!negative && amount.isNegative()) {
    throw new InputError(
      "range",
      field,
      `${label.zh}不能为负数（${shownNumber(amount)}）`,
      `${label.en} cannot be negative (${shownNumber(amount)})`,
    );
  }
  if (amount.greaterThan(MAX_AMOUNT) || (negative && amount.lessThan(MIN_AMOUNT))) {
    throw new InputError(
      "range",
      field,
      `${label.zh} ${shownNumber(amount)} 超出合理范围（绝对值不超过 ${formatYuan(MAX_AMOUNT)} 元），多半是单位错误（元、万元还是分？）`,
      `${label.en} ${shownNumber(amount)} is outside the plausible range (at most ${formatYuan(MAX_AMOUNT)} yuan): almost always a unit mistake (yuan, 万元 or fen?)`,
      "out_of_range",
    );
  }
  return amount;
}

/** A finite, non-negative amount from a rule input, or an InputError naming the field. */
export function nonNegativeAmount(value: DecimalInput | null | undefined, field: string, label: { zh: string; en: string }): Decimal {
  return amountInput(value, field, label);
}

/** Like nonNegativeAmount, but absent means "not given". */
export function optionalAmount(value: DecimalInput | null | undefined, field: string, label: { zh: string; en: string }): Decimal | null {
  return value === null || value === undefined || value === "" ? null : nonNegativeAmount(value, field, label);
}
