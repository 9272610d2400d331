import { readFileSync } from "fs";
import { join } from "path";
import { computeAward } from "../../../core/award";
import { PolicyDataError } from "../../../core/errors/errors";
import {
  DEFAULT_POLICY_ID,
  getParameterSet,
  listParameterSets,
  registerParameterSet,
  validateParameterSet,
} from "../../../core/policy/registry";
import { settleApplications } from "../../../core/screening/settle-applications";
import { MEASURE_IDS } from "../../../core/measures/measure-id";
import { Param, ParameterSet } from "../../../core/policy/types";

const fixturePath = join(__dirname, "../../fixtures/policy/test-final-fixture.json");
const loadFixture = () => JSON.parse(readFileSync(fixturePath, "utf8"));
const draftPath = join(__dirname, "../../../core/policy/sets/hlj-ecommerce-2025-draft.json");

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

  test("the issue date: the draft's publication date 2025-10-23 as a stand-in, marked assumed, with its clause and words", () => {
    const effective = set.subsidyPeriod.effectiveFrom;
    expect([effective.value, effective.assumed, effective.clause, set.subsidyPeriod.end]).toEqual([
      "2025-10-23",
      true,
      "末段",
      "2027-12-31",
    ]);
    expect(effective.text).toBe("本政策措施自印发之日起施行");
    expect(effective.title.zh).toBe("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(effective.note).toBeTruthy();
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
    const result = settleApplications([], { policy: "test-final-fixture" });
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

describe("a field the measure's rule does not read is refused", () => {
  const withField = (id: string, measure: string, field: string, value: unknown) => {
    const set = loadFixture() as ParameterSet;
    set.id = id;
    Object.assign(
      set.measures.find((m) => m.id === measure)!,
      { [field]: value },
    );
    return set;
  };

  test("the draft set and the test fixtures give each measure only fields its rule reads", () => {
    expect(() => validateParameterSet(JSON.parse(readFileSync(draftPath, "utf8")))).not.toThrow();
    expect(() => validateParameterSet(loadFixture())).not.toThrow();
    const otherNumbers = join(__dirname, "../../fixtures/policy/test-other-numbers.json");
    expect(() => validateParameterSet(JSON.parse(readFileSync(otherNumbers, "utf8")))).not.toThrow();
  });

  test("inProvince on M7 (第7条 names no province requirement, its rule never asks) is refused, named", () => {
    const province = { zh: "省内企业", en: "an enterprise of the province", text: "省内" };
    const set = withField("hlj-unread-province", "M7", "inProvince", province);
    expect(() => registerParameterSet(set)).toThrow(PolicyDataError);
    expect(() => registerParameterSet(set)).toThrow("hlj-unread-province: M7 (第7条) has inProvince, which its rule does not read");
    expect(() => getParameterSet("hlj-unread-province")).toThrow(/unknown policy/);
  });

  test("a rate on an interest measure (第5条 subsidises the LPR interest, no rate of its own) is refused, named", () => {
    const rate = { value: 0.1, unit: "ratio", clause: "第5条", title: { zh: "比例", en: "rate" } };
    const set = withField("hlj-unread-rate", "M5", "rate", rate);
    expect(() => validateParameterSet(set)).toThrow("hlj-unread-rate: M5 (第5条) has rate, which its rule does not read");
  });

  test("a level on M4a (only 第6条's two awards are told apart by level) is refused with the part of the clause", () => {
    const set = withField("hlj-unread-level", "M4a", "level", "national");
    expect(() => validateParameterSet(set)).toThrow("hlj-unread-level: M4a (第4条(1)) has level, which its rule does not read");
  });

  test("a field the rule reads is accepted where it was absent: a province requirement on 第1条's interest rule", () => {
    const province = { zh: "省内企业", en: "an enterprise of the province", text: "省内" };
    expect(() => validateParameterSet(withField("hlj-read-province", "M1", "inProvince", province))).not.toThrow();
  });
});
