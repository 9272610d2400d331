import { readFileSync } from "fs";
import { join } from "path";
import { computeAward } from "../../../core/award";
import { PolicyDataError } from "../../../core/errors/errors";
import { DEFAULT_POLICY_ID, getParameterSet, listParameterSets, registerParameterSet } from "../../../core/policy/registry";
import { resolveBatch } from "../../../core/batch/resolve";
import { MEASURE_IDS } from "../../../core/measures/measure-id";
import { Param, ParameterSet } from "../../../core/policy/types";

const fixturePath = join(__dirname, "../../fixtures/policy/test-final-fixture.json");
const loadFixture = () => JSON.parse(readFileSync(fixturePath, "utf8"));

describe("the parameter set hlj-ecommerce-2025-draft", () => {
  const set = getParameterSet();
  test("is the default", () => {
    expect(DEFAULT_POLICY_ID).toBe("hlj-ecommerce-2025-draft");
    expect(set.stage).toBe("draft");
  });

  test("catalogues all 20 clauses, cash and non-cash, with Chinese and English titles", () => {
    expect(set.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    expect(new Set(set.measures.map((m) => m.clause))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1)));
    for (const m of set.measures) {
      expect(m.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.title.en).toMatch(/[a-z]/);
      expect(m.text.length).toBeGreaterThan(10);
    }
  });

  test("every number carries its clause, unit and a zh/en title", () => {
    const params: Param<unknown>[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        if ("value" in node) params.push(node as Param<unknown>);
        Object.values(node).forEach(visit);
      }
    };
    visit(set);
    expect(params.length).toBeGreaterThanOrEqual(30);
    for (const p of params) {
      expect(p.clause).toMatch(/第\d+条|末段/);
      expect(p.unit).toBeTruthy();
      expect(p.title.zh).toBeTruthy();
      expect(p.title.en).toBeTruthy();
    }
  });

  test("RULES.md's numbers, read back from the data", () => {
    const m = (id: string) => set.measures.find((x) => x.id === id)!;
    expect([m("M1").threshold!.value, m("M1").threshold!.comparison, m("M1").cap!.amount!.value]).toEqual([5_000_000, ">=", 2_000_000]);
    expect([m("M1").cap!.tiers![0].value, m("M1").cap!.tiers![0].comparison, m("M1").cap!.tiers![0].amount.value]).toEqual([
      30_000_000,
      ">",
      10_000_000,
    ]);
    expect([m("M2").threshold!.value, m("M2").threshold!.comparison, m("M2").cap!.amount!.value]).toEqual([3_000_000, ">", 2_000_000]);
    expect([m("M3").threshold!.value, m("M3").rate!.value, m("M3").cap!.amount!.value, m("M3").cap!.scope]).toEqual([
      10_000_000,
      0.02,
      3_000_000,
      "entity-year",
    ]);
    expect([m("M4a").threshold!.value, m("M4a").threshold!.comparison, m("M4a").rate!.value, m("M4a").cap!.amount!.value]).toEqual([
      5_000_000,
      ">=",
      0.5,
      500_000,
    ]);
    expect([m("M4b").threshold!.value, m("M4b").cap!.amount!.value]).toEqual([10_000_000, 500_000]);
    expect([m("M5").threshold!.value, m("M5").cap!.amount!.value]).toEqual([1_000_000, 1_000_000]);
    expect([m("M6a").amount!.value, m("M6b").amount!.value, m("M19").amount!.value]).toEqual([1_000_000, 500_000, 1_000_000]);
    expect([m("M7").threshold!.value, m("M7").rate!.value, m("M7").cap!.amount!.value]).toEqual([50_000_000, 0.5, 1_000_000]);
    expect([m("M8a").threshold!.value, m("M8a").cap!.amount!.value, m("M8b").threshold, m("M8b").cap!.amount!.value]).toEqual([
      5_000_000,
      3_000_000,
      undefined,
      5_000_000,
    ]);
    expect([set.interestSubsidy.maxMonths.value, set.interestSubsidy.dayCountBases.value]).toEqual([36, [360, 365]]);
    expect([set.validity.firstAwardYear.value, set.validity.lastAwardYear.value]).toEqual([2025, 2027]);
    const oneTime = set.measures.filter((x) => x.oneTime).map((x) => x.id);
    expect(oneTime).toEqual(["M4a", "M4b", "M6a", "M6b", "M7", "M19"]);
  });
});

describe("a second parameter set is data, not code", () => {
  test("a fixture set with another M3 cap and M2 threshold changes the awards without code changes", () => {
    const fixture = registerParameterSet(loadFixture());
    expect(listParameterSets().map((s) => s.id)).toEqual(expect.arrayContaining(["hlj-ecommerce-2025-draft", "test-final-fixture"]));

    const retail = { qualified: true, onlineRetailIncrease: 250_000_000 }; // 2% = 5,000,000
    expect(computeAward("M3", retail).amount.toFixed(2)).toBe("3000000.00");
    expect(computeAward("M3", retail, { policy: "test-final-fixture" }).amount.toFixed(2)).toBe("4000000.00");

    const platform = {
      totalInvestment: 2_500_000,
      loan: { principal: 1_200_000, loanRate: "0.04", startDate: "2025-06-01", endDate: "2026-05-27" },
    };
    expect(computeAward("M2", platform).status).toBe("ineligible");
    const underFinal = computeAward("M2", platform, { policy: fixture });
    expect(underFinal.status).toBe("eligible");
    expect(underFinal.amount.toFixed(2)).toBe("36000.00");
    // at exactly the new threshold: the fixture says 达到 (>=)
    expect(computeAward("M2", { ...platform, totalInvestment: 2_000_000 }, { policy: fixture }).status).toBe("eligible");
  });

  test("a batch reports the policy it used", () => {
    const result = resolveBatch([], { policy: "test-final-fixture" });
    expect(result.policy.id).toBe("test-final-fixture");
    expect(result.options.policy).toBe("test-final-fixture");
  });

  test("a set without clause citations, or with a missing measure, is refused with every problem listed", () => {
    const broken = loadFixture() as ParameterSet;
    broken.id = "broken";
    (broken.measures[2].cap!.amount as { clause?: string }).clause = "";
    broken.measures = broken.measures.filter((m) => m.id !== "M19");
    expect(() => registerParameterSet(broken)).toThrow(PolicyDataError);
    expect(() => registerParameterSet(broken)).toThrow(/measures\.M3\.cap\.amount\.clause[\s\S]*measures\.M19: missing/);
  });

  test("an unknown policy id lists the known ones", () => {
    expect(() => getParameterSet("nope")).toThrow(/unknown policy; known: hlj-ecommerce-2025-draft/);
  });
});
