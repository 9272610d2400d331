import { MEASURE_IDS, parseMeasureId, parseMeasureRef } from "../../../core/measures/measure-id";
import { InputError } from "../../../core/errors/errors";

describe("measure ids parse to canonical ids", () => {
  test.each`
    input             | id
    ${"M1"}           | ${"M1"}
    ${"m1"}           | ${"M1"}
    ${"1"}            | ${"M1"}
    ${1}              | ${"M1"}
    ${"第1条"}        | ${"M1"}
    ${"第一条"}       | ${"M1"}
    ${" M3 "}         | ${"M3"}
    ${"Ｍ３"}         | ${"M3"}
    ${"4a"}           | ${"M4a"}
    ${"M4a"}          | ${"M4a"}
    ${"M4A"}          | ${"M4a"}
    ${"4(1)"}         | ${"M4a"}
    ${"4（1）"}       | ${"M4a"}
    ${"4（2）"}       | ${"M4b"}
    ${"第4条(1)"}     | ${"M4a"}
    ${"第4条第2款"}   | ${"M4b"}
    ${"4-2"}          | ${"M4b"}
    ${"4①"}           | ${"M4a"}
    ${"6b"}           | ${"M6b"}
    ${"8a"}           | ${"M8a"}
    ${"第八条（二）"} | ${"M8b"}
    ${"14"}           | ${"M14"}
    ${"第十九条"}     | ${"M19"}
    ${"二十"}         | ${"M20"}
  `("$input → $id", ({ input, id }) => {
    expect(parseMeasureId(input)).toBe(id);
  });

  test.each(["M21", "0", "第21条", "1a", "3(1)", "M", "", "abc", "4c", "4(3)", 1.5, null, true])(
    "%p is an error listing the valid ids",
    (input) => {
      expect(() => parseMeasureId(input)).toThrow(InputError);
      expect(() => parseMeasureId(input)).toThrow(MEASURE_IDS.join(", "));
    },
  );

  test.each(["4", "M6", "第8条"])("%s names a clause with two measures: the error says which to write", (input) => {
    expect(parseMeasureRef(input).kind).toBe("clause");
    expect(() => parseMeasureId(input)).toThrow(/has two measures: write \da or \db/);
  });
});
