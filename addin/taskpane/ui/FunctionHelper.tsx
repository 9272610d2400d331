import * as React from "react";
import { Body1, Button, Caption1, Field, Input, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ApplicationFacts,
  Award,
  FIELD_BY_KEY,
  computeAward,
  explainAward,
  formatYuan,
  getParameterSet,
  measureParams,
  MeasureId,
} from "../../../core";
import { PaneHost } from "../host";
import { Language, T } from "./i18n";
import type { PaneOptions } from "./pane-options";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM },
  amount: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  // The formula breaks after its commas (see breakable), never inside a number.
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "break-word" },
  // A select never wider than the pane: the closed select shows what fits, the open list shows all.
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type InputKey =
  | "totalInvestment"
  | "principal"
  | "loanRate"
  | "startDate"
  | "endDate"
  | "onlineRetailIncrease"
  | "importExport"
  | "eligibleCosts"
  | "drivenOnlineSales"
  | "investmentLast3Years";

/** Labels come from the screening fields (the same words as the template's headers), with the unit. */
function labelOf(key: InputKey, language: Language): string {
  const spec = FIELD_BY_KEY.get(key)!;
  const unit = key === "loanRate" ? "%" : key.endsWith("Date") ? null : language === "zh" ? "元" : "yuan";
  if (language === "zh") return unit ? `${spec.zh}（${unit}）` : spec.zh;
  const text = spec.en.charAt(0).toUpperCase() + spec.en.slice(1);
  return unit ? `${text} (${unit})` : text;
}

const HELPED: MeasureId[] = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b"];

/** The inputs a measure's rule reads, from its parameters: the threshold's fact, its base, and a loan. */
function inputsOf(measure: MeasureId): InputKey[] {
  const params = measureParams(getParameterSet(), measure);
  const keys: InputKey[] = [];
  if (params.threshold && params.threshold.field !== params.base) keys.push(params.threshold.field as InputKey);
  if (params.base) keys.push(params.base as InputKey);
  if (params.kind === "interest") keys.push("principal", "loanRate", "startDate", "endDate");
  return keys;
}

/** The yes/no the rule asks for, in the pane's language: the qualification (第1、3条) or 首次达到 (第4条). */
function flagOf(measure: MeasureId, language: Language, t: T): string | null {
  const params = measureParams(getParameterSet(), measure);
  if (params.needsFirstTime) return t("flagFirstTime");
  if (params.qualification) {
    const words = language === "zh" ? params.qualification.zh.replace(/（.*$/, "") : params.qualification.en.replace(/ \(.*$/, "");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return null;
}

const DEFAULTS: Record<InputKey, string> = {
  totalInvestment: "20000000",
  principal: "12000000",
  loanRate: "3.45",
  startDate: "2025-06-01",
  endDate: "2027-05-31",
  onlineRetailIncrease: "12345678.90",
  importExport: "6000000",
  eligibleCosts: "300000",
  drivenOnlineSales: "60000000",
  investmentLast3Years: "1500000",
};

const excelDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
};

/** The =HLJ.… formula that computes the same award in a cell. */
export function formulaFor(measure: MeasureId, v: Record<InputKey, string>, flag: boolean): string {
  const kind = measureParams(getParameterSet(), measure).kind;
  if (kind === "interest") {
    const investment = measureParams(getParameterSet(), measure).threshold ? v.totalInvestment : "";
    return `=HLJ.INTEREST_SUBSIDY("${measure}",${investment},${v.principal},${v.loanRate}%,${excelDate(v.startDate)},${excelDate(v.endDate)})`;
  }
  if (measure === "M3") return `=HLJ.RETAIL_BONUS(${v.onlineRetailIncrease},${flag ? "TRUE" : "FALSE"})`;
  if (measure === "M4a" || measure === "M4b")
    return `=HLJ.CROSS_BORDER_SUBSIDY("${measure === "M4a" ? "site" : "platform"}",${v.importExport},${v.eligibleCosts},${flag ? "TRUE" : "FALSE"})`;
  if (measure === "M6a" || measure === "M6b") return `=HLJ.BASE_AWARD("${measure === "M6a" ? "national" : "provincial"}")`;
  return `=HLJ.SELECTION_CENTER_GRANT(${v.drivenOnlineSales},${v.investmentLast3Years})`;
}

/** The helper's inputs as the facts of one application (the rate typed in percent; one switch for either flag). */
function factsOf(values: Record<InputKey, string>, flag: boolean): ApplicationFacts {
  return {
    qualified: flag,
    firstTime: flag,
    totalInvestment: values.totalInvestment,
    loan: {
      principal: values.principal,
      loanRate: String(Number(values.loanRate) / 100),
      startDate: values.startDate,
      endDate: values.endDate,
    },
    onlineRetailIncrease: values.onlineRetailIncrease,
    importExport: values.importExport,
    eligibleCosts: values.eligibleCosts,
    drivenOnlineSales: values.drivenOnlineSales,
    investmentLast3Years: values.investmentLast3Years,
  };
}

/** One input of the rule. */
function InputField({
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
  // Dates as ISO text (2025-06-01), the same in every language: a browser's date field shows its own
  // locale's order (mm/dd/yyyy in an English webview under Chinese Office).
  const date = inputKey.endsWith("Date");
  const bad = date && !ISO_DATE.test(value);
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
        onChange={(_, data) => onChange(data.value)}
        data-testid={`helper-${inputKey}`}
      />
    </Field>
  );
}

export function FunctionHelper({ host, t, language, options }: { host: PaneHost; t: T; language: Language; options: PaneOptions }) {
  const styles = useStyles();
  const [measure, setMeasure] = React.useState<MeasureId>("M1");
  const [values, setValues] = React.useState<Record<InputKey, string>>(DEFAULTS);
  const [flag, setFlag] = React.useState(true);
  const [inserted, setInserted] = React.useState<string | null>(null);
  const policy = getParameterSet(options.policy);
  const inputs = inputsOf(measure);
  const flagLabel = flagOf(measure, language, t);

  const award: Award = React.useMemo(
    // The formula it inserts has no awardYear: the loan's whole window inside the policy period, as here; and, as
    // the functions do, the parameter set's issue date (FUNCTIONS.md revision 3), not the screening setting.
    () => computeAward(measure, factsOf(values, flag), { ...options, effectiveFrom: undefined, interestWindow: "loan" }),
    [measure, values, flag, options],
  );

  const formula = formulaFor(measure, values, flag);
  return (
    <div className={styles.column}>
      <Body1>{t("helperIntro")}</Body1>
      <Field label={t("measure")}>
        <Select
          className={styles.select}
          value={measure}
          onChange={(_, data) => setMeasure(data.value as MeasureId)}
          data-testid="helper-measure"
        >
          {HELPED.map((id) => (
            <option key={id} value={id}>
              {`${id} ${measureParams(policy, id).title[language]}`}
            </option>
          ))}
        </Select>
      </Field>
      {inputs.map((key) => (
        <InputField
          key={key}
          inputKey={key}
          value={values[key]}
          t={t}
          language={language}
          onChange={(value) => setValues({ ...values, [key]: value })}
        />
      ))}
      {flagLabel && <Switch checked={flag} onChange={(_, data) => setFlag(data.checked)} label={flagLabel} />}
      <div aria-live="polite">
        <Caption1>{t("amount")}</Caption1>
        <div className={styles.amount} data-testid="helper-amount">
          {award.status === "error" ? "—" : `¥${formatYuan(award.amount)}`}
        </div>
        <Text size={200}>{explainAward(award, language)}</Text>
      </div>
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
