/**
 * What the WPS functions borrow from their host: the display language (WPS's LanguageSettings, given to the shared
 * displayLanguage() the Excel functions read) and the CustomFunctions shim (never over a runtime's own).
 */
/// <reference types="wps-jsapi" />
import { displayLanguage, setHostLanguageSource } from "../../../addin/shared/display-language";
import { ShimError, installCustomFunctionsShim } from "../../../addin/wps/functions/custom-functions-shim";
import { languageTagOfLcid, wpsLanguageTag } from "../../../addin/wps/functions/language";

const app = (languageId: unknown) => ({ LanguageSettings: { LanguageID: languageId } }) as unknown as Et.EtApplication;

describe("WPS's user-interface language", () => {
  test.each<[unknown, string | undefined]>([
    [2052, "zh"],
    [1028, "zh"],
    [3076, "zh"],
    [1033, "en"],
    [1049, "en"],
    [0, undefined],
    [undefined, undefined],
    ["2052", undefined],
  ])("LCID %p → %p", (lcid, tag) => {
    expect(languageTagOfLcid(lcid)).toBe(tag);
  });

  test("is read as LanguageSettings.LanguageID(msoLanguageIDUI), with the settings object as this", () => {
    const asked: unknown[] = [];
    const settings = {
      LanguageID(this: unknown, id: number) {
        asked.push([id, this === settings]);
        return 1033;
      },
    };
    expect(wpsLanguageTag({ LanguageSettings: settings } as unknown as Et.EtApplication)).toBe("en");
    expect(asked).toEqual([[2, true]]);
  });

  test("is unknown when WPS does not say: no application, no settings, a failing call, not a method", () => {
    expect(wpsLanguageTag(undefined)).toBeUndefined();
    expect(wpsLanguageTag({} as Et.EtApplication)).toBeUndefined();
    expect(
      wpsLanguageTag(
        app(() => {
          throw new Error("not implemented");
        }),
      ),
    ).toBeUndefined();
    expect(wpsLanguageTag(app(2052))).toBeUndefined();
  });
});

describe("displayLanguage() with a host language source", () => {
  const scope = globalThis as { Office?: unknown };
  afterEach(() => {
    setHostLanguageSource(null);
    delete scope.Office;
  });

  test("the host's language when there is no Office; Chinese when neither says", () => {
    expect(displayLanguage()).toBe("zh");
    setHostLanguageSource(() => "en");
    expect(displayLanguage()).toBe("en");
    setHostLanguageSource(() => undefined);
    expect(displayLanguage()).toBe("zh");
    setHostLanguageSource(() => {
      throw new Error("gone");
    });
    expect(displayLanguage()).toBe("zh");
  });

  test("Office's own language wins where Office says it (Excel is unchanged)", () => {
    setHostLanguageSource(() => "en");
    scope.Office = { context: { displayLanguage: "zh-CN" } };
    expect(displayLanguage()).toBe("zh");
  });
});

describe("the CustomFunctions shim", () => {
  const scope = globalThis as { CustomFunctions?: unknown };
  afterEach(() => delete scope.CustomFunctions);

  test("gives excel-args.ts what it uses: Error with the code Excel shows, ErrorCode, a do-nothing associate", () => {
    delete scope.CustomFunctions;
    expect(installCustomFunctionsShim()).toBe(true);
    const shim = scope.CustomFunctions as typeof CustomFunctions;
    const error = new shim.Error(shim.ErrorCode.invalidNumber, "贷款利率：…");
    expect(error).toBeInstanceOf(ShimError);
    expect([error.code, error.message]).toEqual(["#NUM!", "贷款利率：…"]);
    expect([shim.ErrorCode.invalidValue, shim.ErrorCode.notAvailable]).toEqual(["#VALUE!", "#N/A"]);
    expect(() => shim.associate("LPR", () => 0)).not.toThrow();
  });

  test("never replaces a runtime's own CustomFunctions", () => {
    const own = { Error: class {}, ErrorCode: {}, associate: () => undefined };
    scope.CustomFunctions = own;
    expect(installCustomFunctionsShim()).toBe(false);
    expect(scope.CustomFunctions).toBe(own);
  });
});
