import fc from "fast-check";
import {
  checkCharacter,
  checkUscc,
  cityOfUscc,
  isHeilongjiang,
  isValidNormalForm,
  isValidUscc,
  normaliseUscc,
} from "../../../core/uscc/uscc";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  test.each(["91350100M000100Y43", "91310110666007217T", "914403001922038216"])("RULES.md valid example %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  test("RULES.md invalid example 91350100M000100Y4Z fails its check character", () => {
    const check = checkUscc("91350100M000100Y4Z");
    expect(check.valid).toBe(false);
    expect(check.problem).toBe("charset"); // Z is not in the alphabet at all
    const wrongCheck = checkUscc("91350100M000100Y44");
    expect(wrongCheck.problem).toBe("checksum");
    expect(wrongCheck.expectedCheck).toBe("3");
    expect(wrongCheck.en).toContain('should be "3"');
  });

  test("normalises: trim, upper-case, full-width to half-width", () => {
    expect(normaliseUscc("  ９１３５０１００ｍ０００１００ｙ４３\u3000")).toBe("91350100M000100Y43");
    expect(isValidUscc(" 91350100m000100y43 ")).toBe(true);
  });

  test("17 characters, bad characters and empty codes are explained", () => {
    expect(checkUscc("91350100M000100Y4")).toMatchObject({ valid: false, problem: "length" });
    expect(checkUscc("91350100M000100Y4").en).toContain("17 characters, expected 18");
    expect(checkUscc("91350100I000100Y43")).toMatchObject({ valid: false, problem: "charset" });
    expect(checkUscc("")).toMatchObject({ valid: false, problem: "empty" });
  });

  test("the check character is (31 − Σ value·3^i mod 31) mod 31", () => {
    expect(checkCharacter("91350100M000100Y4")).toBe("3");
    expect(checkCharacter("91310110666007217")).toBe("T");
  });

  test("Heilongjiang city from the division code; elsewhere is not Heilongjiang", () => {
    const first17 = "91230100MA1B2C3D4";
    const code = first17 + checkCharacter(first17);
    expect(isValidUscc(code)).toBe(true);
    expect(cityOfUscc(code)).toMatchObject({ zh: "哈尔滨", en: "Harbin" });
    expect(isHeilongjiang(code)).toBe(true);
    expect(isHeilongjiang("91350100M000100Y43")).toBe(false);
    expect(cityOfUscc("91350100M000100Y43")).toBeNull();
  });

  test.each`
    division    | city
    ${"230200"} | ${"齐齐哈尔"}
    ${"230600"} | ${"大庆"}
    ${"231000"} | ${"牡丹江"}
    ${"232700"} | ${"大兴安岭地区"}
    ${"230000"} | ${null}
  `("division $division → $city", ({ division, city }) => {
    const first17 = `91${division}MA1B2C3D4`;
    const code = first17 + checkCharacter(first17);
    expect(cityOfUscc(code)?.zh ?? null).toBe(city);
  });
});

describe("isValidNormalForm: checkUscc's answer for a code already in its normal form", () => {
  const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const nearCode = fc.oneof(
    // Well-formed first 17 characters, the right or a wrong check character.
    fc
      .tuple(fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }), fc.constantFrom(...ALPHABET), fc.boolean())
      .map(([body, last, right]) => body.join("") + (right ? checkCharacter(body.join("")) : last)),
    // Anything: other lengths, lower case, I O S V Z, full width, spaces.
    fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZaz Ｚ１"), maxLength: 20 }),
  );

  test("valid exactly when checkUscc says valid and leaves the code as written", () => {
    fc.assert(
      fc.property(nearCode, (code) => {
        const check = checkUscc(code);
        expect(isValidNormalForm(code)).toBe(check.valid && check.normalised === code);
      }),
      { numRuns: 5000 },
    );
  });

  test("the spec's examples", () => {
    expect(isValidNormalForm("91350100M000100Y43")).toBe(true);
    expect(isValidNormalForm("91350100M000100Y4Z")).toBe(false);
    expect(isValidNormalForm("91350100m000100Y43")).toBe(false);
    expect(isValidNormalForm(" 91350100M000100Y43")).toBe(false);
  });
});
