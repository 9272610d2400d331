/**
 * Large batches are worded and rendered on a second thread (cli/wording.ts): the compiled command's output
 * must be the very same sheet and JSON as one thread makes (the TypeScript sources, which have no compiled
 * worker script, word everything here).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { checkRunOutput } from "../helpers/check-run-output";
import { readParts, writeSimpleWorkbook } from "../helpers/packages";
import { makeUscc } from "../helpers/uscc";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-wording-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "主体资格",
  "总投资额",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "新增实物网络零售额",
  "申报金额",
];

/** 5,200 rows (above the thread's threshold) over 1,301 entities: interest, growth, fixed awards, errors. */
function rows(): (string | number)[][] {
  const out: (string | number)[][] = [HEADER];
  for (let i = 0; i < 5_200; i++) {
    const entity = makeUscc(1_000 + (i % 1_301), i % 7 === 0 ? "230600" : "230100");
    const year = 2025 + (i % 2);
    switch (i % 5) {
      case 0:
        out.push([
          entity,
          `企业${i % 1_301}`,
          year,
          "M1",
          "是",
          20_000_000 + i * 1_000,
          8_000_000 + i * 100,
          0.031 + (i % 9) / 1_000,
          45_700 + (i % 400),
          46_500 + (i % 400),
          "",
          "",
        ]);
        break;
      case 1:
        out.push([entity, `企业${i % 1_301}`, year, "M3", "是", "", "", "", "", "", 10_000_000 + i * 3_137, i % 11 === 0 ? 150_000 : ""]);
        break;
      case 2:
        out.push([entity, `企业${i % 1_301}`, year, "M6b", "", "", "", "", "", "", "", ""]);
        break;
      case 3:
        out.push([entity, `企业${i % 1_301}`, year, "M8a", "", 6_000_000 + i, 3_000_000, 0.045, 45_800, 46_900, "", ""]);
        break;
      default:
        out.push([
          i % 13 === 0 ? "BAD" : entity,
          `企业${i % 1_301}`,
          year,
          "M2",
          "",
          9_000_000 + i,
          2_000_000,
          "x",
          45_800,
          46_900,
          "",
          "",
        ]);
    }
  }
  return out;
}

async function inProcess(...argv: string[]) {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const code = await main(argv, sink, sink);
  await checkRunOutput(argv, code);
  return code;
}

test("the second thread's sheet and JSON are exactly what one thread makes", async () => {
  const input = join(dir, "large.xlsx");
  await writeSimpleWorkbook(input, "申报", rows());
  const threaded = spawnSync(
    process.execPath,
    [join(ROOT, "bin/hlj-screen.js"), input, "-o", join(dir, "a.xlsx"), "--json", join(dir, "a.json"), "-q"],
    {
      encoding: "utf8",
    },
  );
  expect(threaded.stderr).toBe("");
  expect(threaded.status).toBe(0);
  expect(await inProcess(input, "-o", join(dir, "b.xlsx"), "--json", join(dir, "b.json"), "-q")).toBe(0);
  expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(readFileSync(join(dir, "b.json"), "utf8"));
  const [a, b] = [await readParts(join(dir, "a.xlsx")), await readParts(join(dir, "b.xlsx"))];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [name, bytes] of a) expect([name, bytes.equals(b.get(name)!)]).toEqual([name, true]);
  const json = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
  expect(json.rows).toHaveLength(5_200);
  const statuses = [...new Set(json.rows.map((r: { status: string }) => r.status))];
  expect(statuses).toEqual(expect.arrayContaining(["eligible", "superseded", "error"]));
}, 120_000);
