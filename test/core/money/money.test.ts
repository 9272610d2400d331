import { Decimal, formatFen, formatYuan, roundToFen } from "../../../core/money/money";

describe("money", () => {
  test.each`
    value                | fen
    ${"0.005"}           | ${"0.01"}
    ${"0.0049999"}       | ${"0.00"}
    ${"246913.578"}      | ${"246913.58"}
    ${"4714583.3333333"} | ${"4714583.33"}
    ${"279833.335"}      | ${"279833.34"}
  `("half-up to the fen: $value → $fen", ({ value, fen }) => {
    expect(roundToFen(new Decimal(value)).toFixed(2)).toBe(fen);
  });

  test("no binary float artefacts: 0.1 + 0.2 is 0.30", () => {
    expect(formatFen(new Decimal("0.1").plus("0.2"))).toBe("0.30");
  });

  test("formatting for people", () => {
    expect(formatYuan(new Decimal("4714583.333"))).toBe("4,714,583.33");
    expect(formatYuan(new Decimal("0"))).toBe("0.00");
  });
});

test.each`
  value         | fixed
  ${"0"}        | ${"0.00"}
  ${"-0"}       | ${"0.00"}
  ${"5"}        | ${"5.00"}
  ${"0.5"}      | ${"0.50"}
  ${"0.05"}     | ${"0.05"}
  ${"-1.5"}     | ${"-1.50"}
  ${"1e20"}     | ${"100000000000000000000.00"}
  ${"1234.565"} | ${"1234.57"}
  ${"0.000001"} | ${"0.00"}
`("formatFen($value) = $fixed", ({ value, fixed }) => {
  expect(formatFen(new Decimal(value))).toBe(fixed);
});
