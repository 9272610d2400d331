import { addMonthsClamped, daysBetween, fromDayNumber, parseIsoDate, toDayNumber } from "../../../core/dates/civil-date";

describe("calendar dates", () => {
  test.each`
    start           | months | end
    ${"2025-06-01"} | ${36}  | ${"2028-06-01"}
    ${"2025-01-31"} | ${1}   | ${"2025-02-28"}
    ${"2024-01-31"} | ${1}   | ${"2024-02-29"}
    ${"2024-02-29"} | ${36}  | ${"2027-02-28"}
    ${"2025-08-31"} | ${36}  | ${"2028-08-31"}
    ${"2025-11-30"} | ${3}   | ${"2026-02-28"}
  `("EDATE($start, $months) = $end", ({ start, months, end }) => {
    expect(addMonthsClamped(start, months)).toBe(end);
  });

  test("day counts are exact across leap years", () => {
    expect(daysBetween("2025-06-01", "2027-05-31")).toBe(729);
    expect(daysBetween("2027-01-15", "2028-03-01")).toBe(411);
    expect(fromDayNumber(toDayNumber("2028-02-29"))).toBe("2028-02-29");
  });

  test("impossible dates are refused", () => {
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2025-13-01")).toBeNull();
    expect(parseIsoDate("2025-6-1")).toBeNull();
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
  });
});

test("day numbers agree with the JavaScript Date over four centuries", () => {
  for (let n = -150_000; n <= 150_000; n += 37) {
    const iso = fromDayNumber(n);
    expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    expect(toDayNumber(iso)).toBe(n);
  }
});
