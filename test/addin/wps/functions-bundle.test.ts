/**
 * register.ts built by webpack and run in a bare JavaScript context, as the WPS add-in's page runs it: no
 * CustomFunctions and no Office global, only a fake `wps` whose AddCustomFunction collects the functions. The
 * build also carries custom-functions-metadata-plugin (Excel's), whose loader appends CustomFunctions.associate
 * calls to functions.ts: the shim must be in place before they run.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import vm from "vm";
import webpack from "webpack";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";

const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = join(__dirname, "../../..");
const serial = (iso: string) => isoToExcelSerial(iso)!;

type Sandbox = {
  wps: { AddCustomFunction: (ns: string, name: string, fn: (...args: unknown[]) => unknown) => void; EtApplication: () => unknown };
  console: { warn: (line: string) => void; info: (line: string) => void; log: () => void; error: () => void };
  HLJ_WPS?: { registerWpsFunctions: () => string[] };
  CustomFunctions?: { associate: unknown };
  Office?: unknown;
};

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wps-functions-bundle-"));
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: "none",
        context: ROOT,
        devtool: false,
        entry: "./addin/wps/functions/register.ts",
        output: { path: dir, filename: "functions.js", library: { name: "HLJ_WPS", type: "var" } },
        resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
        module: {
          rules: [
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              use: { loader: "ts-loader", options: { configFile: "tsconfig.webpack.json", transpileOnly: true } },
            },
          ],
        },
        plugins: [new CustomFunctionsMetadataPlugin({ output: "excel-functions.json", input: "./addin/functions/functions.ts" })],
      },
      (error, result) => (error ? reject(error) : resolve(result!)),
    ),
  );
  expect(stats.compilation.errors).toEqual([]);
  bundle = readFileSync(join(dir, "functions.js"), "utf8");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(lcid: number) {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const warnings: string[] = [];
  const sandbox: Sandbox = {
    wps: {
      AddCustomFunction: (ns, name, fn) => registered.set(`${ns}.${name}`, fn),
      EtApplication: () => ({ LanguageSettings: { LanguageID: () => lcid } }),
    },
    console: { warn: (line) => warnings.push(line), info: () => undefined, log: () => undefined, error: () => undefined },
  };
  vm.createContext(sandbox);
  vm.runInContext(bundle, sandbox, { filename: "functions.js" });
  return { sandbox, registered, warnings };
}

test("the bundle runs without CustomFunctions or Office, even with Excel's associate calls appended", () => {
  expect(bundle).toContain('CustomFunctions.associate("LPR"');
  const { sandbox, registered } = run(2052);
  expect(sandbox.Office).toBeUndefined();
  expect(typeof sandbox.CustomFunctions?.associate).toBe("function");
  expect(sandbox.HLJ_WPS!.registerWpsFunctions()).toHaveLength(11);
  expect([...registered.keys()]).toContain("HLJ.SELECTION_CENTER_GRANT");
});

test("the built functions, called with plain values, give the worked examples and the Excel errors", () => {
  const { sandbox, registered, warnings } = run(2052);
  sandbox.HLJ_WPS!.registerWpsFunctions();
  const call = (name: string, ...args: unknown[]) => JSON.parse(JSON.stringify(registered.get(`HLJ.${name}`)!(...args)));
  expect(call("LPR_INTEREST", 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31"))).toEqual([[607_500]]);
  expect(call("RETAIL_BONUS", [[20_000_000], ["abc"], [30_000_000]])).toEqual([[400_000], ["#VALUE!"], [600_000]]);
  expect(call("LPR_INTEREST", 10_000_000, 3.45, serial("2025-06-01"), serial("2027-05-31"))).toEqual([["#NUM!"]]);
  expect(warnings).toEqual([
    expect.stringMatching(/^HLJ\.RETAIL_BONUS: #VALUE! 新增实物网络零售额/),
    expect.stringMatching(/^HLJ\.LPR_INTEREST: #NUM! 贷款利率：/),
  ]);
});

test("in English WPS the messages are English", () => {
  const { sandbox, registered, warnings } = run(1033);
  sandbox.HLJ_WPS!.registerWpsFunctions();
  registered.get("HLJ.BASE_AWARD")!("city");
  expect(warnings).toEqual(['HLJ.BASE_AWARD: #VALUE! level "city" is neither "national" (国家级) nor "provincial" (省级)']);
});
