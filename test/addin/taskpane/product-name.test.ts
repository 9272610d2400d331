/**
 * One product name (issue 19): 黑龙江电商政策申报筛查 / "HLJ e-commerce policy screening" in the pane, its page
 * title and the manifest — none of the five names it had before (黑龙江电商政策测算, 电商政策申报筛查, 申报筛查,
 * 电商政策, HLJ 筛查汇总) outside the one name.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { translate } from "../../../addin/taskpane/ui/i18n";

const ROOT = join(__dirname, "../../..");
const NAME = { zh: "黑龙江电商政策申报筛查", en: "HLJ e-commerce policy screening" };
const OLD_NAMES = ["黑龙江电商政策测算", "电商政策申报筛查", "申报筛查", "电商政策", "HLJ 筛查汇总", "E-commerce support screening"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(tsx?|html|json)$/.test(name) ? [path] : [];
  });
}

/** The old names left in a text once every use of the one name is taken out. */
const oldNamesIn = (text: string) => OLD_NAMES.filter((old) => text.split(NAME.zh).join("").split(NAME.en).join("").includes(old));

describe("the product's one name", () => {
  test("the pane's title is the name, in either language", () => {
    expect(translate("zh", "title")).toBe(NAME.zh);
    expect(translate("en", "title")).toBe(NAME.en);
  });

  test("the manifest names it so: display name, ribbon group, get-started title", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toMatch(new RegExp(`<DisplayName DefaultValue="${NAME.en}">\\s*<Override Locale="zh-CN" Value="${NAME.zh}"/>`));
    expect(manifest).toMatch(new RegExp(`id="Group.Label" DefaultValue="${NAME.en}">\\s*<bt:Override Locale="zh-CN" Value="${NAME.zh}"/>`));
    expect(oldNamesIn(manifest)).toEqual([]);
  });

  test("no other name in the pane's page title or in any file of the pane", () => {
    const html = readFileSync(join(ROOT, "addin/taskpane/taskpane.html"), "utf8");
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain(NAME.zh);
    const found = filesUnder(join(ROOT, "addin")).flatMap((file) =>
      oldNamesIn(readFileSync(file, "utf8")).map((old) => `${file.slice(ROOT.length + 1)}: ${old}`),
    );
    expect(found).toEqual([]);
  });
});
