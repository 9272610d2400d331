import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { screenWorkbook } from "../../../core";
import { ProblemList, problemText } from "../../../addin/taskpane/ui/screen/ProblemList";
import { translate } from "../../../addin/taskpane/ui/i18n";

// Issue 19: the rows awaiting a person's decision (待人工核定) are problems to handle too, listed beside the errors.
const { rows } = screenWorkbook({
  sheets: [
    {
      name: "申报",
      values: [
        ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "核定金额", "申报金额"],
        ["91230100MA1B2C3D49", "甲公司", 2025, "第14条", 300000, 900000],
        ["123", "乙公司", 2025, "第14条", 300000],
        ["91230100MA1B2C3D49", "甲公司", 2026, "第6条(1)", ""],
      ],
    },
  ],
});

const render = (language: "zh" | "en") =>
  renderToStaticMarkup(
    React.createElement(ProblemList, {
      rows,
      language,
      notice: null,
      onPick: () => undefined,
      t: (key, values) => translate(language, key, values),
    }),
  );
const items = (html: string, status: string) =>
  [...(new RegExp(`data-testid="problems-${status}"(.*?)</ul>`).exec(html)?.[1] ?? "").matchAll(/<button[^>]*>(.*?)<\/button>/g)].map(
    (m) => m[1],
  );

describe("the pane's problems to handle", () => {
  test("the workbook has one row in error and one awaiting a person", () => {
    expect(rows.map((r) => r.status)).toEqual(["manual", "error", "eligible"]);
  });

  test("lists the rows in error, then those 待人工核定, each leading with its cell", () => {
    const html = render("zh");
    expect(html).toContain(`数据有误（1）`);
    expect(html).toContain(`待人工核定（1）`);
    expect(items(html, "error")).toHaveLength(1);
    expect(items(html, "error")[0]).toMatch(/^申报!/);
    expect(items(html, "manual")).toEqual([problemText(rows[0], "zh")]);
    // The reason it waits for a person (第14条 按活动实际投入核定), not a side remark such as a claim above the amount.
    expect(items(html, "manual")[0]).toMatch(/^申报!2 第14条/);
    expect(html.indexOf("problems-error")).toBeLessThan(html.indexOf("problems-manual"));
  });

  test("in English too; an eligible row is no problem", () => {
    const html = render("en");
    expect(html).toContain("Manual review (1)"); // the status badge's own words
    expect(html).not.toContain("problems-eligible");
    expect(items(html, "manual")[0]).toMatch(/^申报!2 /);
  });
});
