import * as React from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  Title3,
  Caption1,
  Select,
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
  header: { display: "flex", flexDirection: "column" },
  // The language switch as a control: a labelled drop-down on a line of its own above the title (beside the
  // title it left the name no room at 320 px).
  language: { display: "flex", alignItems: "center", justifyContent: "flex-end", gap: tokens.spacingHorizontalS },
  languageSelect: { width: "112px", flexShrink: 0 },
});

export type TabId = "screen" | "functions" | "settings";

/** initialTab: the tab shown first (WPS's 函数助手 button opens the pane on "functions"). */
export function App({ host, initialTab = "screen" }: { host: PaneHost; initialTab?: TabId }) {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(host.language);
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const [options, setOptions] = React.useState<PaneOptions>(() => loadOptions(host));
  const t = React.useCallback<T>((key, values) => translate(language, key, values), [language]);
  React.useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [language]);

  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.language}>
            <label htmlFor="pane-language">
              <Caption1>{t("languageLabel")}</Caption1>
            </label>
            <Select
              id="pane-language"
              size="small"
              className={styles.languageSelect}
              value={language}
              onChange={(_, data) => setLanguage(data.value as Language)}
              data-testid="language"
            >
              {/* Each language named in its own words, whichever the pane shows. */}
              <option value="zh">中文</option>
              <option value="en">English</option>
            </Select>
          </div>
          <Title3 as="h1">{t("title")}</Title3>
          <Caption1>{t("subtitle")}</Caption1>
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
