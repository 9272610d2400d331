import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import type { Language, T } from "../i18n";
import { InputKey, labelOf, tidy, unitOf } from "./helper-model";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One input of the rule: its label above, its unit after it (元, %), an amount shown with thousands separators and
 * two decimals once left. Dates as ISO text (2025-06-01), the same in every language: a browser's date field shows
 * its own locale's order (mm/dd/yyyy in an English webview under Chinese Office).
 */
export function HelperInput({
  inputKey,
  value,
  t,
  language,
  onChange,
}: {
  inputKey: InputKey;
  value: string;
  t: T;
  language: Language;
  onChange: (value: string) => void;
}) {
  const date = inputKey.endsWith("Date");
  const bad = date && !ISO_DATE.test(value.trim());
  const unit = unitOf(inputKey, language);
  return (
    <Field
      label={labelOf(inputKey, language)}
      validationState={bad ? "error" : "none"}
      validationMessage={bad ? t("dateFormat") : undefined}
    >
      <Input
        type="text"
        inputMode={date ? "numeric" : "decimal"}
        placeholder={date ? "2025-06-01" : undefined}
        value={value}
        contentAfter={unit ?? undefined}
        onChange={(_, data) => onChange(data.value)}
        onBlur={() => onChange(tidy(inputKey, value))}
        data-testid={`helper-${inputKey}`}
      />
    </Field>
  );
}
