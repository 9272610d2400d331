import * as React from "react";
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { T } from "../i18n";
import { useScreenStyles } from "./screen-styles";
import type { RunStep } from "./use-screening";

/** While screening runs: the step, rows done of all, and cancel. */
export function ProgressSection({
  step,
  done,
  total,
  t,
  onCancel,
}: {
  step: RunStep;
  done: number;
  total: number;
  t: T;
  onCancel: () => void;
}) {
  const styles = useScreenStyles();
  const label = step === "read" ? t("reading") : step === "screen" ? t("screening") : t("writing");
  return (
    <div className={styles.column} data-testid="progress" data-step={step} data-done={done}>
      <Field
        label={label}
        validationMessage={t("rowsDone", { done: done.toLocaleString(), total: total.toLocaleString() })}
        validationState="none"
      >
        <ProgressBar value={total ? done / total : undefined} thickness="large" aria-label={label} />
      </Field>
      <div className={styles.actions}>
        <Button onClick={onCancel} data-testid="cancel">
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
