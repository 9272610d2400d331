import { builtInLprTable, lprOn, withSuppliedLpr } from "../../../core/lpr/lpr-table";
import { InputError, LprUnknownError } from "../../../core/errors/errors";

describe("the built-in one-year LPR table", () => {
  const table = builtInLprTable();
  test.each`
    date            | rate        | effective
    ${"2019-08-20"} | ${"0.0425"} | ${"2019-08-20"}
    ${"2019-09-19"} | ${"0.0425"} | ${"2019-08-20"}
    ${"2019-09-20"} | ${"0.042"}  | ${"2019-09-20"}
    ${"2022-08-21"} | ${"0.037"}  | ${"2022-01-20"}
    ${"2024-06-01"} | ${"0.0345"} | ${"2023-08-21"}
    ${"2025-01-15"} | ${"0.031"}  | ${"2024-10-21"}
    ${"2025-06-01"} | ${"0.03"}   | ${"2025-05-20"}
    ${"2026-04-19"} | ${"0.03"}   | ${"2025-05-20"}
  `("on $date: $rate (from $effective)", ({ date, rate, effective }) => {
    const lookup = lprOn(table, date);
    expect(lookup.rate.toString()).toBe(rate);
    expect(lookup.effective).toBe(effective);
  });

  test("knows its range: 2019-08-20 to 2026-04-19", () => {
    expect([table.knownFrom, table.knownThrough]).toEqual(["2019-08-20", "2026-04-19"]);
    expect(() => lprOn(table, "2026-04-20")).toThrow(LprUnknownError);
    expect(() => lprOn(table, "2019-08-19")).toThrow(LprUnknownError);
  });
});

describe("caller-supplied entries extend or override the table", () => {
  test("an entry after knownThrough makes later dates known from that entry on", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2026-05-20", rate: "0.029" }]);
    expect(table.knownThrough).toBeNull();
    expect(lprOn(table, "2026-05-01").rate.toString()).toBe("0.03");
    expect(lprOn(table, "2026-06-01")).toMatchObject({ effective: "2026-05-20", origin: "supplied" });
    expect(lprOn(table, "2030-01-01").rate.toString()).toBe("0.029");
  });

  test("an entry on a built-in date overrides it", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2024-10-21", rate: 0.0315 }]);
    expect(lprOn(table, "2025-01-15").rate.toString()).toBe("0.0315");
    expect(table.knownThrough).toBe("2026-04-19");
  });

  test("an entry before 2019-08-20 extends the table backwards", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2019-01-01", rate: "0.0435" }]);
    expect(lprOn(table, "2019-05-01").rate.toString()).toBe("0.0435");
  });

  test("bad entries name the row", () => {
    expect(() => withSuppliedLpr(builtInLprTable(), [{ date: "2026-05-20", rate: 3 }])).toThrow(/row 1: 3 looks like percent points/);
    expect(() =>
      withSuppliedLpr(builtInLprTable(), [
        { date: "2026-05-20", rate: "0.03" },
        { date: "May", rate: "0.03" },
      ]),
    ).toThrow(InputError);
  });
});
