import * as React from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  Title3,
  Caption1,
  Button,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { PaneHost } from "../host";
import { Language, T, translate } from "./i18n";
import { PaneOptions, loadOptions } from "./pane-options";
import { ScreenTab } from "./ScreenTab";
import { SettingsTab } from "./SettingsTab";
import { FunctionHelper } from "./FunctionHelper";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column" },
});

type TabId = "screen" | "functions" | "settings";

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(host.language);
  const [tab, setTab] = React.useState<TabId>("screen");
  const [options, setOptions] = React.useState<PaneOptions>(() => loadOptions(host));
  const t = React.useCallback<T>((key, values) => translate(language, key, values), [language]);
  React.useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [language]);

  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title3 as="h1">{t("title")}</Title3>
            <Caption1>{t("subtitle")}</Caption1>
          </div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`${t("language")} · ${t("languageLabel")}`}
            onClick={() => setLanguage(language === "zh" ? "en" : "zh")}
            data-testid="language"
          >
            {t("language")}
          </Button>
        </header>
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
          <Tab value="screen" data-testid="tab-screen">
            {t("tabScreen")}
          </Tab>
          <Tab value="functions" data-testid="tab-functions">
            {t("tabFunctions")}
          </Tab>
          <Tab value="settings" data-testid="tab-settings">
            {t("tabSettings")}
          </Tab>
        </TabList>
        <div role="tabpanel" aria-label={t(tab === "screen" ? "tabScreen" : tab === "functions" ? "tabFunctions" : "tabSettings")}>
          {tab === "screen" && <ScreenTab host={host} t={t} language={language} options={options} />}
          {tab === "functions" && <FunctionHelper host={host} t={t} language={language} options={options} />}
          {tab === "settings" && <SettingsTab host={host} t={t} language={language} options={options} onChange={setOptions} />}
        </div>
      </main>
    </FluentProvider>
  );
}
