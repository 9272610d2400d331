import * as React from "react";
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Decimal, formatYuan } from "../../../../core";
import type { T } from "../i18n";
import type { YearAward } from "./helper-model";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { padding: `${tokens.spacingVerticalXXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  amount: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  year: { textAlign: "start", fontWeight: tokens.fontWeightRegular },
  total: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  totalAmount: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * A loan's subsidy award year by award year, as screening pays it (按年度据实), each year's figure the formula with
 * its award-year argument gives, and their total. Shown only for a loan over more than one award year.
 */
export function LoanByYear({ years, t }: { years: readonly YearAward[]; t: T }) {
  const styles = useStyles();
  if (years.length < 2) return null;
  const shown = (y: YearAward) => (y.award.status === "error" ? "—" : formatYuan(y.award.amount));
  const total = years.reduce((sum, y) => (y.award.status === "error" ? sum : sum.plus(y.award.amount)), new Decimal(0));
  return (
    <div data-testid="helper-by-year">
      <Text weight="semibold">{t("byYear")}</Text>
      <table className={styles.table}>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} data-year={y.year} title={y.formula}>
              <th scope="row" className={mergeClasses(styles.cell, styles.year)}>
                {y.year}
              </th>
              <td className={mergeClasses(styles.cell, styles.amount)}>¥{shown(y)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={mergeClasses(styles.cell, styles.total)}>
              {t("yearTotal")}
            </th>
            <td className={mergeClasses(styles.cell, styles.amount, styles.totalAmount)} data-testid="helper-by-year-total">
              ¥{formatYuan(total)}
            </td>
          </tr>
        </tbody>
      </table>
      <Caption1>{t("byYearHelp")}</Caption1>
    </div>
  );
}
