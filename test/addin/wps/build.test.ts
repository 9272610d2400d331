/**
 * The WPS add-in as `npm run build:wps` lays it out in dist-wps/ (built here when missing): the JsPlugin manifest,
 * functions.json, ribbon.xml and its callbacks as main.js defines them, publish.xml, and relative URLs only, so
 * the same folder works from an intranet web server and from the jsaddons folder.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import webpack from "webpack";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "../../..");
const DIST = join(ROOT, "dist-wps");
const wpsConfig = require(join(ROOT, "webpack.wps.config.js"));

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["button", "jsplugin"].includes(name),
});
const read = (name: string) => readFileSync(join(DIST, name), "utf8");

function build(): Promise<void> {
  const config = wpsConfig({}, { mode: "production" });
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) =>
      error || stats?.hasErrors() ? reject(error ?? new Error(stats!.toString("errors-only"))) : resolve(),
    ),
  );
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "manifest.xml")) || !existsSync(join(DIST, "main.js"))) await build();
}, 120_000);

function wellFormed(name: string): Node {
  const text = read(name);
  expect({ [name]: XMLValidator.validate(text) }).toEqual({ [name]: true });
  return parser.parse(text) as Node;
}

describe("dist-wps/manifest.xml", () => {
  test("is a well-formed JsPlugin with the namespace HLJ, the main manifest's version and a relative Functions Uri", () => {
    const plugin = wellFormed("manifest.xml").JsPlugin as Node;
    const functions = plugin.Functions as Node;
    expect(functions.Namespace).toBe("HLJ");
    expect(plugin.Name).toBe(wpsConfig.ADDIN_NAME);
    expect(String(plugin.Version)).toBe(wpsConfig.manifestVersion());
    expect(functions.Uri).toBe("functions.json");
  });

  test("its Functions Uri names a file of the build", () => {
    const uri = ((wellFormed("manifest.xml").JsPlugin as Node).Functions as Node).Uri as string;
    expect(existsSync(join(DIST, uri))).toBe(true);
  });
});

describe("dist-wps/functions.json", () => {
  test("has the eleven HLJ functions, each described in Chinese, its parameters too", () => {
    const { functions } = JSON.parse(read("functions.json")) as {
      functions: { name: string; description: string; parameters: { name: string; description: string }[] }[];
    };
    expect(functions).toHaveLength(11);
    for (const f of functions) {
      expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect({ [f.name]: f.description }).toEqual({ [f.name]: expect.stringMatching(/\p{Script=Han}/u) });
      for (const p of f.parameters)
        expect({ [`${f.name}.${p.name}`]: p.description }).toEqual({ [`${f.name}.${p.name}`]: expect.stringMatching(/\p{Script=Han}/u) });
    }
  });
});

/** main.js run as WPS runs it: a page with window.Application offering task panes and PluginStorage. */
function loadMain(extra: Record<string, unknown> = {}) {
  const panes: { url: string; title?: string; ID: number; Visible: boolean; navigated: string[]; Navigate(url: string): void }[] = [];
  const storage = new Map<string, string>();
  const Application = {
    CreateTaskPane(url: string, title?: string) {
      const pane = {
        url,
        title,
        ID: panes.length + 1,
        Visible: false,
        navigated: [] as string[],
        Navigate(to: string) {
          this.navigated.push(to);
        },
      };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id),
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? "", setItem: (k: string, v: unknown) => storage.set(k, String(v)) },
  };
  const alerts: string[] = [];
  const window: Record<string, unknown> = {
    Application,
    location: { href: "http://oa.example.gov.cn/hlj-wps/index.html" },
    URL,
    URLSearchParams,
    console,
    alert: (m: string) => alerts.push(m),
    ...extra,
  };
  window.window = window;
  runInNewContext(read("main.js"), window);
  return { window, panes, alerts };
}

describe("dist-wps/ribbon.xml and main.js", () => {
  test("a well-formed CustomUI: the tab 黑龙江电商政策申报筛查 with 筛查 and 函数助手, whose callbacks main.js defines", () => {
    const ui = wellFormed("ribbon.xml").customUI as Node;
    expect(ui["@xmlns"]).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const tab = ((ui.ribbon as Node).tabs as Node).tab as Node;
    expect(tab["@label"]).toBe("黑龙江电商政策申报筛查");
    const buttons = (tab.group as Node).button as Node[];
    expect(buttons.map((b) => b["@label"])).toEqual(["筛查", "函数助手"]);
    const callbacks = [ui["@onLoad"], ...buttons.flatMap((b) => [b["@onAction"], b["@getImage"]])] as string[];
    const { window } = loadMain();
    for (const name of new Set(callbacks)) {
      const fn = name.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], window);
      expect({ [name]: typeof fn }).toEqual({ [name]: "function" });
    }
    const ribbon = window.ribbon as Record<string, (c: unknown) => unknown>;
    expect(ribbon.OnAddinLoad({})).toBe(true);
    for (const b of buttons) expect(ribbon.GetImage({ Id: b["@id"] })).toBe("assets/icon-32.png");
    expect(existsSync(join(DIST, "assets/icon-32.png"))).toBe(true);
  });

  test("筛查 opens one pane beside the entry page and shows it again; 函数助手 brings it to the functions tab", () => {
    const { window, panes, alerts } = loadMain();
    const ribbon = window.ribbon as Record<string, (c: unknown) => unknown>;
    ribbon.OnAction({ Id: "hljScreen" });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({
      url: "http://oa.example.gov.cn/hlj-wps/taskpane.html",
      title: "黑龙江电商政策申报筛查",
      Visible: true,
    });
    panes[0].Visible = false;
    ribbon.OnAction({ Id: "hljScreen" });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(true);
    ribbon.OnAction({ Id: "hljFunctions" });
    expect(panes).toHaveLength(1);
    expect(panes[0].navigated).toEqual(["http://oa.example.gov.cn/hlj-wps/taskpane.html?tab=functions"]);
    expect(alerts).toEqual([]);
  });

  test("函数助手 as the first click opens the pane on the functions tab; from the jsaddons folder the URL is the folder's", () => {
    const { window, panes } = loadMain();
    (window.location as { href: string }).href = "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/HLJScreening_0.1.0.0/index.html";
    (window.ribbon as Record<string, (c: unknown) => unknown>).OnAction({ Id: "hljFunctions" });
    expect(panes.map((p) => p.url)).toEqual([
      "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/HLJScreening_0.1.0.0/taskpane.html?tab=functions",
    ]);
  });
});

test("main.js registers the functions of functions.json under HLJ as the add-in loads, where WPS has wps.AddCustomFunction", () => {
  const added: string[] = [];
  const wps = { AddCustomFunction: (ns: string, name: string, fn: unknown) => added.push(`${ns}.${name}:${typeof fn}`) };
  loadMain({ wps, console: { ...console, info: () => undefined } });
  const { functions } = JSON.parse(read("functions.json")) as { functions: { name: string }[] };
  expect(added.sort()).toEqual(functions.map((f) => `HLJ.${f.name}:function`).sort());
});

describe("dist-wps/publish.xml", () => {
  test("offline: well-formed, one et jsplugin named as the manifest, in the folder form name_version/", () => {
    const plugins = (wellFormed("publish.xml").jsplugins as Node).jsplugin as Node[];
    const version = wpsConfig.manifestVersion();
    expect(plugins).toEqual([
      { "@name": wpsConfig.ADDIN_NAME, "@type": "et", "@url": `${wpsConfig.ADDIN_NAME}_${version}/`, "@version": version },
    ]);
  });

  test("online: HLJ_WPS_URL is the URL publish.xml and publish-online.xml name; anything but http(s) is refused", () => {
    const saved = process.env.HLJ_WPS_URL;
    try {
      process.env.HLJ_WPS_URL = "http://oa.example.gov.cn/hlj-wps";
      const online = wpsConfig.onlineUrl();
      expect(online).toBe("http://oa.example.gov.cn/hlj-wps/");
      for (const text of [wpsConfig.publishXml("0.1.0.0", online), wpsConfig.publishOnlineXml(online)]) {
        expect(XMLValidator.validate(text)).toBe(true);
        expect(text).toContain('type="et"');
        expect(text).toContain('url="http://oa.example.gov.cn/hlj-wps/"');
      }
      process.env.HLJ_WPS_URL = "C:\\addins";
      expect(() => wpsConfig.onlineUrl()).toThrow(/HLJ_WPS_URL must be an http\(s\) URL/);
    } finally {
      if (saved === undefined) delete process.env.HLJ_WPS_URL;
      else process.env.HLJ_WPS_URL = saved;
    }
  });
});

describe("dist-wps: relative URLs only", () => {
  const files = () => readdirSync(DIST).filter((f) => /\.(html|xml|json)$/.test(f));

  test("no absolute URL in any page, XML or JSON (the same folder serves from a web server or from jsaddons)", () => {
    expect(files()).toEqual(expect.arrayContaining(["index.html", "taskpane.html", "ribbon.xml", "manifest.xml", "publish.xml"]));
    const faults: string[] = [];
    for (const file of files()) {
      const text = read(file).replace(/xmlns(:\w+)?="[^"]*"/g, "");
      if (/https?:\/\/|file:\/\//i.test(text)) faults.push(`${file}: ${/(https?|file):\/\/[^\s"'<>]*/i.exec(text)![0]}`);
      const rooted = /\b(?:src|href)\s*=\s*["']?\/|<Uri>\s*\//i.exec(text);
      if (rooted) faults.push(`${file}: ${rooted[0]}`);
    }
    expect(faults).toEqual([]);
  });

  test("every script a page loads is in the build", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const scripts = [...read(page).matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
      expect({ [page]: scripts.length }).not.toEqual({ [page]: 0 });
      for (const src of scripts) expect({ [page]: existsSync(join(DIST, src)) }).toEqual({ [page]: true });
    }
    expect([...read("index.html").matchAll(/src=["']?([^"' >]+)/g)].map((m) => m[1])).toEqual(["main.js"]);
  });
});
