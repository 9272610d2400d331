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
import { Language } from "./i18n";
import type { T } from "./App";
import type { PaneOptions } from "./SettingsTab";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM },
  amount: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

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

/** The yes/no the rule asks for: the qualification (第1、3条) or 首次达到 (第4条). */
function flagOf(measure: MeasureId): { zh: string; en: string } | null {
  const params = measureParams(getParameterSet(), measure);
  if (params.needsFirstTime) return { zh: "首次达到", en: "first time" };
  if (params.qualification) return { zh: params.qualification.zh.replace(/（.*$/, ""), en: params.qualification.en.replace(/ \(.*$/, "") };
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

export function FunctionHelper({ host, t, language, options }: { host: PaneHost; t: T; language: Language; options: PaneOptions }) {
  const styles = useStyles();
  const [measure, setMeasure] = React.useState<MeasureId>("M1");
  const [values, setValues] = React.useState<Record<InputKey, string>>(DEFAULTS);
  const [flag, setFlag] = React.useState(true);
  const [inserted, setInserted] = React.useState<string | null>(null);
  const policy = getParameterSet(options.policy);
  const inputs = inputsOf(measure);
  const flagLabel = flagOf(measure);

  const award: Award = React.useMemo(() => {
    const facts: ApplicationFacts = {
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
    // The formula it inserts has no awardYear: the loan's whole window inside the policy period, as here.
    return computeAward(measure, facts, { ...options, interestWindow: "loan" });
  }, [measure, values, flag, options]);

  const formula = formulaFor(measure, values, flag);
  return (
    <div className={styles.column}>
      <Body1>{t("helperIntro")}</Body1>
      <Field label={t("measure")}>
        <Select value={measure} onChange={(_, data) => setMeasure(data.value as MeasureId)} data-testid="helper-measure">
          {HELPED.map((id) => (
            <option key={id} value={id}>
              {`${id} ${measureParams(policy, id).title[language]}`}
            </option>
          ))}
        </Select>
      </Field>
      {inputs.map((key) => (
        <Field key={key} label={labelOf(key, language)}>
          <Input
            type={key.endsWith("Date") ? "date" : "text"}
            inputMode={key.endsWith("Date") ? undefined : "decimal"}
            value={values[key]}
            onChange={(_, data) => setValues({ ...values, [key]: data.value })}
          />
        </Field>
      ))}
      {flagLabel && <Switch checked={flag} onChange={(_, data) => setFlag(data.checked)} label={`${flagLabel.zh} / ${flagLabel.en}`} />}
      <div aria-live="polite">
        <Caption1>{t("amount")}</Caption1>
        <div className={styles.amount} data-testid="helper-amount">
          {award.status === "error" ? "—" : `¥${formatYuan(award.amount)}`}
        </div>
        <Text size={200}>{explainAward(award, language)}</Text>
      </div>
      <Text className={styles.formula} data-testid="helper-formula">
        {formula}
      </Text>
      <div>
        <Button
          appearance="primary"
          onClick={async () => {
            try {
              const address = await host.insertFormula(formula);
              setInserted(t("inserted", { address }));
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
