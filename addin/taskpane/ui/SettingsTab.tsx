import * as React from "react";
import { Field, Select, Body1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { explainOfficeError } from "../excel/office-errors";
import { OPTION_CHOICES, OptionsInput, listParameterSets, getParameterSet } from "../../../core";
import { PaneHost } from "../host";
import type { T } from "./App";

/** The options of RULES.md, remembered in the workbook's document settings. */
export type PaneOptions = Required<Pick<OptionsInput, "lprMode" | "dayCount" | "dedupScope" | "otherSupport" | "interestWindow">> & {
  policy: string;
};

export const SETTINGS_KEY = "hljScreeningOptions";

export function loadOptions(host: PaneHost): PaneOptions {
  const saved = host.loadSetting<Partial<PaneOptions>>(SETTINGS_KEY) ?? {};
  const policy = getParameterSet();
  const pick = <K extends keyof typeof OPTION_CHOICES>(key: K): (typeof OPTION_CHOICES)[K][number] =>
    ((OPTION_CHOICES[key] as readonly string[]).includes(saved[key] as string)
      ? saved[key]
      : OPTION_CHOICES[key][0]) as (typeof OPTION_CHOICES)[K][number];
  return {
    lprMode: pick("lprMode"),
    dedupScope: pick("dedupScope"),
    otherSupport: pick("otherSupport"),
    interestWindow: pick("interestWindow"),
    dayCount: policy.interestSubsidy.dayCountBases.value.includes(Number(saved.dayCount))
      ? Number(saved.dayCount)
      : policy.interestSubsidy.dayCountBases.value[0],
    policy: listParameterSets().some((s) => s.id === saved.policy) ? saved.policy! : policy.id,
  };
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  // A select never wider than the pane: the closed select shows what fits, the open list shows all.
  select: { minWidth: 0, width: "100%" },
});

export function SettingsTab({
  host,
  t,
  options,
  onChange,
}: {
  host: PaneHost;
  t: T;
  options: PaneOptions;
  onChange: (o: PaneOptions) => void;
}) {
  const styles = useStyles();
  const [failure, setFailure] = React.useState<string | null>(null);
  const update = (patch: Partial<PaneOptions>) => {
    const next = { ...options, ...patch };
    onChange(next);
    setFailure(null);
    host.saveSetting(SETTINGS_KEY, next).catch((error) => {
      const explained = explainOfficeError(error);
      setFailure(`${explained.zh} / ${explained.en} (${explained.code})`);
    });
  };
  const choice = (key: keyof typeof OPTION_CHOICES) => (
    <Field label={t(key)} key={key}>
      <Select
        className={styles.select}
        value={options[key] as string}
        onChange={(_, data) => update({ [key]: data.value } as Partial<PaneOptions>)}
        data-testid={`setting-${key}`}
      >
        {OPTION_CHOICES[key].map((value) => (
          <option key={value} value={value}>
            {t(`${key}_${value}` as Parameters<T>[0])}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.form}>
      <Body1>{t("settingsHelp")}</Body1>
      {failure && (
        <MessageBar intent="warning">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {choice("lprMode")}
      <Field label={t("dayCount")}>
        <Select
          className={styles.select}
          value={String(options.dayCount)}
          onChange={(_, data) => update({ dayCount: Number(data.value) })}
          data-testid="setting-dayCount"
        >
          {getParameterSet().interestSubsidy.dayCountBases.value.map((basis) => (
            <option key={basis} value={basis}>
              {`actual/${basis}`}
            </option>
          ))}
        </Select>
      </Field>
      {choice("dedupScope")}
      {choice("otherSupport")}
      {choice("interestWindow")}
      <Field label={t("policy")}>
        <Select
          className={styles.select}
          value={options.policy}
          onChange={(_, data) => update({ policy: data.value })}
          data-testid="setting-policy"
        >
          {listParameterSets().map((set) => (
            <option key={set.id} value={set.id}>
              {`${set.id} — ${set.title.zh}`}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
