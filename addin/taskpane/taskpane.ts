/**
 * The shared runtime's page. Until the screening pane lands it hosts the custom functions' runtime and says
 * in one sentence what it will do, in Office's display language.
 */
import { displayLanguage } from "../shared/display-language";

Office.onReady(() => {
  const language = displayLanguage();
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  for (const paragraph of Array.from(document.querySelectorAll<HTMLElement>("#app p"))) {
    paragraph.hidden = !paragraph.lang.startsWith(language);
  }
});
