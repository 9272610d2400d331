import * as React from "react";
import { Field, Input, Select, Body1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { explainOfficeError } from "../excel/office-errors";
import { OPTION_CHOICES, effectiveFromWords, listParameterSets, getParameterSet, parseIsoDate, optionTerm } from "../../../core";
import { PaneHost } from "../host";
import type { Language, T } from "./i18n";
import { PaneOptions, SETTINGS_KEY } from "./pane-options";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  // A select never wider than the pane: the closed select shows what fits, the open list shows all.
  select: { minWidth: 0, width: "100%" },
});

/** Changes the options and saves them in the workbook; `failure` says, in both languages, when saving failed. */
function useSavedOptions(host: PaneHost, options: PaneOptions, onChange: (o: PaneOptions) => void) {
  const [failure, setFailure] = React.useState<string | null>(null);
  const update = (patch: Partial<PaneOptions>) => {
    const next = { ...options, ...patch };
    onChange(next);
    setFailure(null);
    host.saveSetting(SETTINGS_KEY, next).catch((error) => {
      const explained = explainOfficeError(error, host.appName);
      setFailure(`${explained.zh} / ${explained.en} (${explained.code})`);
    });
  };
  return { failure, update };
}

/**
 * The policy's issue date (option effectiveFrom): kept as typed, saved only when empty (the set's date) or a date
 * not after the end of the policy's period; otherwise the field says what is wrong.
 */
function EffectiveFromField({
  t,
  language,
  options,
  update,
}: {
  t: T;
  language: Language;
  options: PaneOptions;
  update: (patch: Partial<PaneOptions>) => void;
}) {
  const styles = useStyles();
  const [text, setText] = React.useState(options.effectiveFrom);
  const policy = getParameterSet(options.policy);
  const end = policy.subsidyPeriod.end;
  const trimmed = text.trim();
  const valid = trimmed === "" || (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && parseIsoDate(trimmed) !== null && trimmed <= end);
  const own = policy.subsidyPeriod.effectiveFrom.value;
  return (
    <Field
      label={t("effectiveFrom")}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : t("effectiveFromInvalid", { end, example: own })}
      hint={t("effectiveFromHelp", { words: effectiveFromWords(policy, own)[language] })}
    >
      <Input
        className={styles.select}
        value={text}
        placeholder={own}
        onChange={(_, data) => {
          setText(data.value);
          const next = data.value.trim();
          if (next === "" || (/^\d{4}-\d{2}-\d{2}$/.test(next) && parseIsoDate(next) !== null && next <= end))
            update({ effectiveFrom: next });
        }}
        data-testid="setting-effectiveFrom"
      />
    </Field>
  );
}

export function SettingsTab({
  host,
  t,
  language,
  options,
  onChange,
}: {
  host: PaneHost;
  t: T;
  language: Language;
  options: PaneOptions;
  onChange: (o: PaneOptions) => void;
}) {
  const styles = useStyles();
  const { failure, update } = useSavedOptions(host, options, onChange);
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
              {optionTerm("dayCount", basis)[language]}
            </option>
          ))}
        </Select>
      </Field>
      {choice("dedupScope")}
      {choice("otherSupport")}
      {choice("interestWindow")}
      <EffectiveFromField t={t} language={language} options={options} update={update} />
      <Field label={t("policy")} hint={getParameterSet(options.policy).title[language]}>
        <Select
          className={styles.select}
          value={options.policy}
          onChange={(_, data) => update({ policy: data.value })}
          data-testid="setting-policy"
        >
          {listParameterSets().map((set) => (
            <option key={set.id} value={set.id}>
              {t(set.stage === "draft" ? "policyDraft" : "policyFinal", { date: set.published })}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
