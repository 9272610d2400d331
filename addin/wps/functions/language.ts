/// <reference types="wps-jsapi" />
/**
 * WPS's display language, for the function messages (FUNCTIONS.md revision 3: Chinese only when the office
 * suite runs in Chinese, else English only). WPS has no Office.context.displayLanguage; its object model is VBA's,
 * where `Application.LanguageSettings.LanguageID(msoLanguageIDUI)` is the user-interface language as a Windows
 * LCID (2052 for 简体中文). The wps-jsapi typings declare LanguageID as returning nothing, so the value is checked.
 * Unknown (an older WPS, no application object, not a number) is undefined, and the caller's default, Chinese, applies.
 */

/** KsoMsoAppLanguageID.msoLanguageIDUI in wps-jsapi's lib.kso.d.ts. */
const MSO_LANGUAGE_ID_UI = 2;
/** The primary-language bits of an LCID: 0x04 is Chinese (2052 zh-CN, 1028 zh-TW, 3076 zh-HK, 4100 zh-SG). */
const PRIMARY_LANGUAGE_MASK = 0x3ff;
const LANG_CHINESE = 0x04;

/** The language tag for an LCID: zh for every Chinese, en for any other language. */
export function languageTagOfLcid(lcid: unknown): string | undefined {
  if (typeof lcid !== "number" || !Number.isInteger(lcid) || lcid <= 0) return undefined;
  return (lcid & PRIMARY_LANGUAGE_MASK) === LANG_CHINESE ? "zh" : "en";
}

/** The application's user-interface language as a tag (zh or en), or undefined when WPS does not say. */
export function wpsLanguageTag(app: Et.EtApplication | undefined): string | undefined {
  try {
    const languageId = app?.LanguageSettings?.LanguageID as unknown as ((id: number) => unknown) | undefined;
    return typeof languageId === "function" ? languageTagOfLcid(languageId.call(app!.LanguageSettings, MSO_LANGUAGE_ID_UI)) : undefined;
  } catch {
    return undefined;
  }
}
