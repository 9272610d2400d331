import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { HeadlineTotals } from "../../../addin/taskpane/ui/screen/HeadlineTotals";
import { translate } from "../../../addin/taskpane/ui/i18n";
import type { RunOutcome } from "../../../addin/taskpane/screening-session";

type Totals = RunOutcome["result"]["totals"];

// SCREENING.md revision 3: the headline shows 拟支持 and 待人工核定 as two figures, never one sum of both.
const line = (rows: number, final: string) => ({ rows, final });
const totals: Totals = {
  rows: 4,
  entities: 3,
  final: "1234567.89",
  byMeasure: {},
  byCity: {},
  byStatus: { eligible: line(2, "1000000.00"), manual: line(1, "234567.89"), ineligible: line(1, "0.00") },
};

const render = (language: "zh" | "en", t: Totals = totals) =>
  renderToStaticMarkup(React.createElement(HeadlineTotals, { totals: t, language, t: (key, values) => translate(language, key, values) }));
const figure = (html: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("the pane's headline totals", () => {
  it("shows 拟支持 and 待人工核定 apart, never their sum", () => {
    const html = render("zh");
    expect(html).toContain("拟支持");
    expect(html).toContain("待人工核定");
    expect(figure(html, "total-to-pay")).toBe("¥1,000,000.00");
    expect(figure(html, "total-pending")).toBe("¥234,567.89");
    expect(html).not.toContain("1,234,567.89");
    expect(html).not.toContain("核定金额合计");
  });

  it("says them in English, and zero where a status has no rows", () => {
    const html = render("en", { ...totals, byStatus: { eligible: line(1, "500.00") } });
    expect(html).toContain("To pay");
    expect(html).toContain("Awaiting a person&#x27;s decision");
    expect(figure(html, "total-to-pay")).toBe("¥500.00");
    expect(figure(html, "total-pending")).toBe("¥0.00");
  });
});
