import * as React from "react";
import { Badge, Caption1 } from "@fluentui/react-components";
import { STATUS_LABELS, formatYuan, splitTotals } from "../../../../core";
import { Language, T } from "../i18n";
import { useScreenStyles } from "./screen-styles";
import type { RunOutcome } from "../../screening-session";

const BADGE_COLOR: Readonly<Record<string, "success" | "informative" | "warning" | "subtle" | "danger">> = {
  eligible: "success",
  manual: "informative",
  superseded: "warning",
  ineligible: "subtle",
  not_cash: "subtle",
  error: "danger",
};

/**
 * The amounts to pay (拟支持) and awaiting a person's decision (待人工核定) — two figures, never one sum of both
 * (SCREENING.md revision 3) — rows and entities, and a badge per status with its count.
 */
export function HeadlineTotals({ totals, t, language }: { totals: RunOutcome["result"]["totals"]; t: T; language: Language }) {
  const styles = useScreenStyles();
  const { toPay, pending } = splitTotals(totals);
  return (
    <>
      <div>
        <Caption1>{t("toPay")}</Caption1>
        <div className={styles.total} data-testid="total-to-pay">
          ¥{formatYuan(toPay)}
        </div>
        <Caption1>{t("pending")}</Caption1>
        <div className={styles.total} data-testid="total-pending">
          ¥{formatYuan(pending)}
        </div>
        <Caption1>
          {totals.rows.toLocaleString()} {t("rows")} · {totals.entities.toLocaleString()} {t("entities")}
        </Caption1>
      </div>
      <div className={styles.counts} data-testid="counts">
        {Object.entries(totals.byStatus).map(([status, line]) => (
          <Badge
            key={status}
            appearance="tint"
            color={BADGE_COLOR[status] ?? "subtle"}
            size="large"
            data-status={status}
            data-count={line.rows}
          >
            {STATUS_LABELS[status]?.[language] ?? status} {line.rows}
          </Badge>
        ))}
      </div>
    </>
  );
}
