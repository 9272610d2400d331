import * as React from "react";
import { Badge, Caption1 } from "@fluentui/react-components";
import { STATUS_LABELS, formatYuan, Decimal } from "../../../../core";
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

/** The total final award, rows and entities, and a badge per status with its count. */
export function HeadlineTotals({ totals, t, language }: { totals: RunOutcome["result"]["totals"]; t: T; language: Language }) {
  const styles = useScreenStyles();
  return (
    <>
      <div>
        <Caption1>{t("totalAward")}</Caption1>
        <div className={styles.total} data-testid="total">
          ¥{formatYuan(new Decimal(totals.final))}
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
