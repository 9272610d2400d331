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
    ${"2026-08-19"} | ${"0.03"}   | ${"2025-05-20"}
  `("on $date: $rate (from $effective)", ({ date, rate, effective }) => {
    const lookup = lprOn(table, date);
    expect(lookup.rate.toString()).toBe(rate);
    expect(lookup.effective).toBe(effective);
  });

  test("knows its range: 2019-08-20 to 2026-08-19 (3.00% held through the 2026-07-20 fixing)", () => {
    expect([table.knownFrom, table.knownThrough]).toEqual(["2019-08-20", "2026-08-19"]);
    expect(() => lprOn(table, "2026-08-20")).toThrow(LprUnknownError);
    expect(() => lprOn(table, "2019-08-19")).toThrow(LprUnknownError);
  });
});

describe("caller-supplied entries extend or override the table", () => {
  test("an entry after knownThrough vouches from its own date on; the days before it stay unknown", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2026-09-22", rate: "0.029" }]);
    expect(table.knownThrough).toBe("2026-08-19");
    expect(table.known).toEqual([
      { from: "2019-08-20", through: "2026-08-19" },
      { from: "2026-09-22", through: null },
    ]);
    expect(lprOn(table, "2026-08-19").rate.toString()).toBe("0.03");
    // Revision 1 let the 2026-09-22 entry answer for 2026-08-20 – 2026-09-21: it must not.
    expect(() => lprOn(table, "2026-08-20")).toThrow(/2026-08-20 is not known .*2019-08-20 to 2026-08-19, 2026-09-22 onward/);
    expect(() => lprOn(table, "2026-09-21")).toThrow(LprUnknownError);
    expect(lprOn(table, "2026-09-22")).toMatchObject({ effective: "2026-09-22", origin: "supplied" });
    expect(lprOn(table, "2030-01-01").rate.toString()).toBe("0.029");
  });

  test("an entry the day after knownThrough closes the gap; a later one then extends it", () => {
    const table = withSuppliedLpr(builtInLprTable(), [
      { date: "2026-10-20", rate: "0.028" },
      { date: "2026-08-20", rate: "0.03" },
    ]);
    expect(table.known).toEqual([{ from: "2019-08-20", through: null }]);
    expect(table.knownThrough).toBeNull();
    expect(lprOn(table, "2026-09-30").rate.toString()).toBe("0.03");
    expect(lprOn(table, "2026-11-01").rate.toString()).toBe("0.028");
  });

  test("an entry on a built-in date overrides it", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2024-10-21", rate: 0.0315 }]);
    expect(lprOn(table, "2025-01-15").rate.toString()).toBe("0.0315");
    expect(table.knownThrough).toBe("2026-08-19");
  });

  test("an entry before 2019-08-20 extends the table backwards", () => {
    const table = withSuppliedLpr(builtInLprTable(), [{ date: "2019-01-01", rate: "0.0435" }]);
    expect(lprOn(table, "2019-05-01").rate.toString()).toBe("0.0435");
  });

  test("bad entries name the row", () => {
    expect(() => withSuppliedLpr(builtInLprTable(), [{ date: "2026-05-20", rate: 3 }])).toThrow(
      /row 1 LPR rate: 3 looks like percent points/,
    );
    // Plausible bounds (RULES.md "Reading numbers"): an LPR is between 0.5% and 20%.
    expect(() => withSuppliedLpr(builtInLprTable(), [{ date: "2026-09-20", rate: 0.0003 }])).toThrow(
      /row 1 LPR rate: 0.0003 \(0.03%\) is below/,
    );
    expect(() => withSuppliedLpr(builtInLprTable(), [{ date: "2026-09-20", rate: 0.35 }])).toThrow(/is above the plausible/);
    expect(() =>
      withSuppliedLpr(builtInLprTable(), [
        { date: "2026-05-20", rate: "0.03" },
        { date: "May", rate: "0.03" },
      ]),
    ).toThrow(InputError);
  });
});
