import { InputError } from "../errors/errors";
import { Decimal, DecimalInput, dec } from "./money";

/** A finite amount from a rule input (negative only where a decline is real), or an InputError naming the field. */
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
  if (!amount.isFinite()) throw new InputError("type", field, `${label.zh}：不是有限数字`, `${label.en}: not a finite number`);
  if (!negative && amount.isNegative()) {
    throw new InputError(
      "range",
      field,
      `${label.zh}不能为负数（${amount.toString()}）`,
      `${label.en} cannot be negative (${amount.toString()})`,
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
