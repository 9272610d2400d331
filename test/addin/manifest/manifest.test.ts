import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { XMLParser } from "fast-xml-parser";
import { REQUIRED_EXCEL_API } from "../../../addin/taskpane/excel/office-errors";

const ROOT = join(__dirname, "../../..");
const DIST = join(ROOT, "dist");
const DEV_ORIGIN = "https://localhost:3000";

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: false,
  isArray: (name) => ["bt:Image", "bt:Url", "bt:String", "Override", "bt:Override", "Set", "ExtensionPoint", "Runtime"].includes(name),
});
const parse = (file: string) => parser.parse(readFileSync(file, "utf8")).OfficeApp as Node;

const manifest = parse(join(ROOT, "manifest.xml"));
const overrides = manifest.VersionOverrides as Node;
const host = ((overrides.Hosts as Node).Host as Node) ?? {};
const resources = overrides.Resources as Node;
const urls = new Map(((resources["bt:Urls"] as Node)["bt:Url"] as Node[]).map((u) => [u["@id"], u["@DefaultValue"] as string]));
const images = new Map(((resources["bt:Images"] as Node)["bt:Image"] as Node[]).map((u) => [u["@id"], u["@DefaultValue"] as string]));
const shortStrings = new Map(((resources["bt:ShortStrings"] as Node)["bt:String"] as Node[]).map((s) => [s["@id"], s]));
const distPath = (url: string) => {
  expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  return join(DIST, url.slice(DEV_ORIGIN.length + 1));
};
const pngSize = (file: string) => {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
};

describe("manifest.xml", () => {
  test("has a GUID id and the add-in's only version number", () => {
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(manifest.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.version).toBeUndefined();
    expect(parse(join(DIST, "manifest.xml")).Version).toBe(manifest.Version);
    expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).toMatch(
      new RegExp(`data-version="?${String(manifest.Version).replace(/\./g, "\\.")}`),
    );
  });

  test("declares a shared runtime with lifetime long on the task pane page", () => {
    const sets = ((manifest.Requirements as Node).Sets as Node).Set as Node[];
    expect(sets.map((s) => s["@Name"])).toContain("SharedRuntime");
    const runtimes = (host.Runtimes as Node).Runtime as Node[];
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]).toMatchObject({ "@resid": "Taskpane.Url", "@lifetime": "long" });
    const page = ((host.AllFormFactors as Node).ExtensionPoint as Node[])[0].Page as Node;
    expect((page.SourceLocation as Node)["@resid"]).toBe("Taskpane.Url");
    expect(((host.DesktopFormFactor as Node).FunctionFile as Node)["@resid"]).toBe("Taskpane.Url");
  });

  test("requires the ExcelApi the pane cannot do without, the same version the pane checks at run time", () => {
    const sets = ((manifest.Requirements as Node).Sets as Node).Set as Node[];
    const excelApi = sets.find((s) => s["@Name"] === "ExcelApi");
    expect(excelApi?.["@MinVersion"]).toBe(REQUIRED_EXCEL_API);
  });

  test("has the CustomFunctions extension point with namespace HLJ; its Script, Page and Metadata exist in dist/", () => {
    const points = (host.AllFormFactors as Node).ExtensionPoint as Node[];
    const functions = points.find((p) => p["@xsi:type"] === "CustomFunctions")!;
    expect(functions).toBeDefined();
    const namespace = shortStrings.get((functions.Namespace as Node)["@resid"]) as Node;
    expect(namespace["@DefaultValue"]).toBe("HLJ");
    expect(namespace["bt:Override"]).toBeUndefined();
    for (const part of ["Script", "Page", "Metadata"]) {
      const resid = ((functions[part] as Node).SourceLocation as Node)["@resid"] as string;
      expect(existsSync(distPath(urls.get(resid)!))).toBe(true);
    }
    expect(urls.get("Functions.Script.Url")).toBe(`${DEV_ORIGIN}/functions.js`);
    expect(urls.get("Functions.Metadata.Url")).toBe(`${DEV_ORIGIN}/functions.json`);
  });

  test("icons at 16, 32, 64 and 80 px exist in dist/ at their sizes", () => {
    const all = [...images.entries()];
    expect(all.map(([id]) => id).sort()).toEqual(["Icon.16x16", "Icon.32x32", "Icon.64x64", "Icon.80x80"]);
    for (const [id, url] of all) {
      const size = Number(/(\d+)x\d+/.exec(id as string)![1]);
      expect(pngSize(distPath(url))).toEqual([size, size]);
    }
    expect(pngSize(distPath((manifest.IconUrl as Node)["@DefaultValue"] as string))).toEqual([32, 32]);
    expect(pngSize(distPath((manifest.HighResolutionIconUrl as Node)["@DefaultValue"] as string))).toEqual([64, 64]);
  });

  test("a ribbon button opens the task pane", () => {
    const surface = ((host.DesktopFormFactor as Node).ExtensionPoint as Node[]).find((p) => p["@xsi:type"] === "PrimaryCommandSurface")!;
    const control = ((surface.OfficeTab as Node).Group as Node).Control as Node;
    expect((control.Action as Node)["@xsi:type"]).toBe("ShowTaskpane");
    expect(((control.Action as Node).SourceLocation as Node)["@resid"]).toBe("Taskpane.Url");
  });

  test("display name and description have zh-CN overrides", () => {
    for (const element of ["DisplayName", "Description"]) {
      const node = manifest[element] as Node;
      expect((node.Override as Node[]).find((o) => o["@Locale"] === "zh-CN")?.["@Value"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("every URL is on one origin, https://localhost:3000, in development", () => {
    const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const origins = new Set([...text.matchAll(/https:\/\/[a-z0-9.-]+(:\d+)?/gi)].map((m) => m[0]));
    expect(origins).toEqual(new Set([DEV_ORIGIN]));
  });
});

describe("production build options", () => {
  const out = mkdtempSync(join(tmpdir(), "hlj-dist-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("HLJ_ADDIN_URL sets every manifest URL; HLJ_OFFICE_JS=local serves office.js from the add-in's origin", () => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      env: { ...process.env, HLJ_DIST_DIR: out, HLJ_ADDIN_URL: "https://hlj.example.gov.cn/addin", HLJ_OFFICE_JS: "local" },
      stdio: "pipe",
    });
    const text = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(text).not.toContain("localhost");
    expect(text).toContain("https://hlj.example.gov.cn/addin/functions.json");
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?office-js\/office\.js/);
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
    expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  }, 120_000);
});
