import * as React from "react";
import { Body1, Button, Caption1, Field, Input, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ApplicationFacts, Award, computeAward, explainAward, formatYuan, getParameterSet, measureParams, MeasureId } from "../../../core";
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

const LABELS: Record<InputKey, { zh: string; en: string }> = {
  totalInvestment: { zh: "总投资额（元）", en: "Total investment (yuan)" },
  principal: { zh: "贷款本金（元）", en: "Loan principal (yuan)" },
  loanRate: { zh: "贷款年利率（%）", en: "Loan rate (%)" },
  startDate: { zh: "放款日期", en: "Start date" },
  endDate: { zh: "到期日期", en: "End date" },
  onlineRetailIncrease: { zh: "年度新增实物网络零售额（元）", en: "Increase in online retail sales (yuan)" },
  importExport: { zh: "年度进出口额（元）", en: "Import+export (yuan)" },
  eligibleCosts: { zh: "补贴基数（元）", en: "Eligible costs (yuan)" },
  drivenOnlineSales: { zh: "带动网络销售额（元）", en: "Driven online sales (yuan)" },
  investmentLast3Years: { zh: "近三年投资额（元）", en: "Investment of the last three years (yuan)" },
};

const HELPED: MeasureId[] = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b"];

function inputsOf(measure: MeasureId): InputKey[] {
  const kind = measureParams(getParameterSet(), measure).kind;
  if (kind === "interest")
    return [...(measure === "M8b" ? [] : (["totalInvestment"] as InputKey[])), "principal", "loanRate", "startDate", "endDate"];
  if (measure === "M3") return ["onlineRetailIncrease"];
  if (measure === "M4a" || measure === "M4b") return ["importExport", "eligibleCosts"];
  if (measure === "M7") return ["drivenOnlineSales", "investmentLast3Years"];
  return [];
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
    return `=HLJ.INTEREST_SUBSIDY("${measure}",${measure === "M8b" ? "" : v.totalInvestment},${v.principal},${v.loanRate}%,${excelDate(v.startDate)},${excelDate(v.endDate)})`;
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
    return computeAward(measure, facts, { ...options, year: Number(values.startDate.slice(0, 4)) });
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
        <Field key={key} label={LABELS[key][language]}>
          <Input
            type={key.endsWith("Date") ? "date" : "text"}
            inputMode={key.endsWith("Date") ? undefined : "decimal"}
            value={values[key]}
            onChange={(_, data) => setValues({ ...values, [key]: data.value })}
          />
        </Field>
      ))}
      {(measure === "M1" || measure === "M3" || measure === "M4a" || measure === "M4b") && (
        <Switch
          checked={flag}
          onChange={(_, data) => setFlag(data.checked)}
          label={
            measure === "M1"
              ? "优质电商主体 / quality entity"
              : measure === "M3"
                ? "限额以上在统 / above designated size"
                : "首次达到 / first time"
          }
        />
      )}
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
