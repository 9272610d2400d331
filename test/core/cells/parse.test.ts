import { parseBooleanCell, parseDateCell, parseNumberCell, parseTextCell, parseYearCell, excelErrorOf } from "../../../core/cells/parse";
import { excelSerialToIso, isoToExcelSerial } from "../../../core/dates/excel-serial";

const shown = (p: { kind: string; value?: unknown }) => (p.kind === "value" ? String(p.value) : p.kind);

describe("Excel's 1900 date system", () => {
  test.each`
    serial      | iso
    ${1}        | ${"1900-01-01"}
    ${59}       | ${"1900-02-28"}
    ${61}       | ${"1900-03-01"}
    ${25569}    | ${"1970-01-01"}
    ${45809}    | ${"2025-06-01"}
    ${46538}    | ${"2027-05-31"}
    ${45809.75} | ${"2025-06-01"}
  `("serial $serial is $iso", ({ serial, iso }) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    if (Number.isInteger(serial)) expect(isoToExcelSerial(iso)).toBe(serial);
  });
  test("the phantom 1900-02-29 (serial 60) and serials below 1 are not dates", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
  });
});

describe("cell parsing", () => {
  test.each`
    cell                    | parsed
    ${1234.5}               | ${"1234.5"}
    ${"1,234.56"}           | ${"1234.56"}
    ${"¥1,234"}             | ${"1234"}
    ${"１２３４"}           | ${"1234"}
    ${" 12 345 "}           | ${"12345"}
    ${"3.45%"}              | ${"0.0345"}
    ${"1e20"}               | ${"100000000000000000000"}
    ${"-5"}                 | ${"-5"}
    ${""}                   | ${"absent"}
    ${null}                 | ${"absent"}
    ${"3..45"}              | ${"invalid"}
    ${"abc"}                | ${"invalid"}
    ${true}                 | ${"invalid"}
    ${"#N/A"}               | ${"invalid"}
    ${{ error: "#DIV/0!" }} | ${"invalid"}
  `("number $cell → $parsed", ({ cell, parsed }) => {
    expect(shown(parseNumberCell(cell))).toBe(parsed);
  });

  test("the message says what was expected", () => {
    expect(parseNumberCell("3..45")).toEqual({ kind: "invalid", zh: "“3..45”不是数字", en: '"3..45" is not a number' });
    expect(parseNumberCell("#DIV/0!")).toMatchObject({ en: "the cell holds the error #DIV/0!; expected a number" });
  });

  test.each`
    cell                              | parsed
    ${45809}                          | ${"2025-06-01"}
    ${"2025-06-01"}                   | ${"2025-06-01"}
    ${"2025/6/1"}                     | ${"2025-06-01"}
    ${"2025.6.1"}                     | ${"2025-06-01"}
    ${"2025年6月1日"}                 | ${"2025-06-01"}
    ${"20250601"}                     | ${"2025-06-01"}
    ${"２０２５－０６－０１"}         | ${"2025-06-01"}
    ${new Date(Date.UTC(2025, 5, 1))} | ${"2025-06-01"}
    ${"2025-02-30"}                   | ${"invalid"}
    ${"June 1"}                       | ${"invalid"}
    ${60}                             | ${"invalid"}
    ${""}                             | ${"absent"}
  `("date $cell → $parsed", ({ cell, parsed }) => {
    expect(shown(parseDateCell(cell))).toBe(parsed);
  });

  test.each`
    cell       | parsed
    ${true}    | ${"true"}
    ${"是"}    | ${"true"}
    ${"Y"}     | ${"true"}
    ${"TRUE"}  | ${"true"}
    ${"√"}     | ${"true"}
    ${1}       | ${"true"}
    ${"否"}    | ${"false"}
    ${"n"}     | ${"false"}
    ${"×"}     | ${"false"}
    ${0}       | ${"false"}
    ${"maybe"} | ${"invalid"}
    ${2}       | ${"invalid"}
  `("boolean $cell → $parsed", ({ cell, parsed }) => {
    expect(shown(parseBooleanCell(cell))).toBe(parsed);
  });

  test("years", () => {
    expect(shown(parseYearCell(2025))).toBe("2025");
    expect(shown(parseYearCell("2025年"))).toBe("2025");
    expect(shown(parseYearCell("2025年度"))).toBe("2025");
    expect(shown(parseYearCell(2025.5))).toBe("invalid");
  });

  test("error values are recognised in both host forms", () => {
    expect(excelErrorOf("#N/A")).toBe("#N/A");
    expect(excelErrorOf({ error: "#REF!" })).toBe("#REF!");
    expect(excelErrorOf("N/A")).toBeNull();
  });
});

test("an invalid Date (exceljs can produce one) is a bad value, never an exception", () => {
  expect(parseDateCell(new Date(NaN))).toMatchObject({ kind: "invalid" });
  expect(parseTextCell(new Date(NaN))).toEqual({ kind: "value", value: "Invalid Date" });
});
