import * as React from "react";
import { Body1, Button, Caption1, Field, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { MeasureId, explainAward, formatYuan, getParameterSet, measureParams } from "../../../core";
import { PaneHost } from "../host";
import { Language, T } from "./i18n";
import type { PaneOptions } from "./pane-options";
import { HelperInput } from "./helper/HelperInput";
import { LoanByYear } from "./helper/LoanByYear";
import {
  DEFAULTS,
  HELPED,
  HelperValues,
  flagOf,
  formulaFor,
  helperAward,
  inputsOf,
  loanByYear,
  measureOption,
} from "./helper/helper-model";

export { formulaFor } from "./helper/helper-model";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM },
  amount: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  // The formula breaks after its commas (see breakable), never inside a number.
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "break-word" },
  // The 计算说明 as lines: core's explain joins its labelled lines with "\n".
  explain: { whiteSpace: "pre-line" },
  select: { minWidth: 0, width: "100%" },
});

/** A formula with a line-break opportunity after each comma: `=F(1,<wbr>2)`. */
function breakable(formula: string): React.ReactNode[] {
  return formula.split(",").flatMap((part, i) => (i === 0 ? [part] : [",", <wbr key={i} />, part]));
}

/** Excel's address of one cell as people write it: `Sheet1!A1:A1` → `Sheet1!A1`. */
export function oneCell(address: string): string {
  const match = /^(.*!)?(\$?[A-Z]+\$?\d+):\2$/.exec(address);
  return match ? `${match[1] ?? ""}${match[2]}` : address;
}

/**
 * The function helper: a measure, its inputs, the amount the =HLJ.… formula gives with its 计算说明, a loan's
 * subsidy award year by award year as screening pays it, and a button that inserts the formula.
 */
export function FunctionHelper({ host, t, language, options }: { host: PaneHost; t: T; language: Language; options: PaneOptions }) {
  const styles = useStyles();
  const [measure, setMeasure] = React.useState<MeasureId>("M1");
  const [values, setValues] = React.useState<HelperValues>(DEFAULTS);
  const [flag, setFlag] = React.useState(true);
  const [inserted, setInserted] = React.useState<string | null>(null);
  const policy = getParameterSet(options.policy);
  const flagLabel = flagOf(measure, language, t);
  const award = React.useMemo(() => helperAward(measure, values, flag, options), [measure, values, flag, options]);
  const years = React.useMemo(() => loanByYear(measure, values, flag, options), [measure, values, flag, options]);
  const formula = formulaFor(measure, values, flag);
  return (
    <div className={styles.column}>
      <Body1>{t("helperIntro")}</Body1>
      <Field label={t("measure")} hint={measureParams(policy, measure).title[language]}>
        <Select
          className={styles.select}
          value={measure}
          onChange={(_, data) => setMeasure(data.value as MeasureId)}
          data-testid="helper-measure"
        >
          {HELPED.map((id) => (
            <option key={id} value={id}>
              {measureOption(id, language)}
            </option>
          ))}
        </Select>
      </Field>
      {inputsOf(measure).map((key) => (
        <HelperInput
          key={key}
          inputKey={key}
          value={values[key]}
          t={t}
          language={language}
          onChange={(value) => setValues((before) => ({ ...before, [key]: value }))}
        />
      ))}
      {flagLabel && <Switch checked={flag} onChange={(_, data) => setFlag(data.checked)} label={flagLabel} />}
      <div aria-live="polite">
        <Caption1>{t("amount")}</Caption1>
        <div className={styles.amount} data-testid="helper-amount">
          {award.status === "error" ? "—" : `¥${formatYuan(award.amount)}`}
        </div>
        <Text size={200} className={styles.explain} data-testid="helper-explain">
          {explainAward(award, language)}
        </Text>
      </div>
      <LoanByYear years={years} t={t} />
      <Text className={styles.formula} data-testid="helper-formula">
        {breakable(formula)}
      </Text>
      <div>
        <Button
          appearance="primary"
          onClick={async () => {
            try {
              const address = await host.insertFormula(formula);
              setInserted(t("inserted", { address: oneCell(address) }));
            } catch (error) {
              setInserted(String((error as Error).message));
            }
          }}
        >
          {t("insertFormula")}
        </Button>
      </div>
      {inserted && <Caption1 role="status">{inserted}</Caption1>}
    </div>
  );
}
