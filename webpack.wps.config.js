/**
 * Builds the WPS 表格 add-in (WPS加载项) into dist-wps/: one folder that works both served from an intranet web
 * server and copied into the user's jsaddons folder, because every URL in it is relative:
 *
 *   index.html      entry page WPS opens when the add-in loads → main.js
 *   main.js         the ribbon's callbacks (ribbon.OnAddinLoad/OnAction/GetImage) + wps.AddCustomFunction registration
 *   ribbon.xml      the tab 黑龙江电商政策申报筛查 with 筛查 and 函数助手 (Office 2006 CustomUI)
 *   taskpane.html   the task pane (taskpane.js, and the screening worker chunk), the same React pane as Excel's
 *   manifest.xml    <JsPlugin>: Name, Version (manifest.xml's <Version>), Functions Uri functions.json, Namespace HLJ
 *   functions.json  the HLJ.* metadata, from scripts/wps-functions.js (the functions helper's generator)
 *   publish.xml     for offline install: <jsplugins><jsplugin name type="et" url version/></jsplugins>
 *   assets/         icons
 *
 * Environment, all optional:
 *   HLJ_WPS_URL       the add-in's URL on an intranet web server (e.g. http://oa.example.gov.cn/hlj-wps/): publish.xml
 *                     then points there, and publish-online.xml (<jspluginonline>) is written too. Default: the
 *                     folder form HLJScreening_<version>/ for a copy in jsaddons.
 *   HLJ_WPS_DIST_DIR  output folder instead of dist-wps/ (tests build there).
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { Compilation, sources } = require("webpack");

const ADDIN_NAME = "HLJScreening";
const NAMESPACE = "HLJ";
const FUNCTIONS_GENERATOR = path.join(__dirname, "scripts/wps-functions.js");

function manifestVersion() {
  const match = /<Version>([^<]+)<\/Version>/.exec(fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8"));
  if (!match) throw new Error("manifest.xml has no <Version>");
  return match[1];
}

const xmlText = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function jsPluginManifest(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- The WPS add-in's manifest (wpsjs's JsPlugin form): the custom functions' metadata and namespace. -->
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Version>${xmlText(version)}</Version>
  <Description>黑龙江电商政策申报筛查（HLJ e-commerce policy screening）：申报表筛查窗格与 HLJ.* 自定义函数</Description>
  <Functions>
    <Uri>functions.json</Uri>
    <Namespace>${NAMESPACE}</Namespace>
  </Functions>
</JsPlugin>
`;
}

/** HLJ_WPS_URL as an http(s) folder URL ending in "/", or null. */
function onlineUrl() {
  const raw = (process.env.HLJ_WPS_URL || "").trim();
  if (!raw) return null;
  if (!/^https?:\/\/[^/]+/.test(raw)) throw new Error(`HLJ_WPS_URL must be an http(s) URL, got ${raw}`);
  return raw.endsWith("/") ? raw : `${raw}/`;
}

function publishXml(version, online) {
  const url = online ?? `${ADDIN_NAME}_${version}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Offline install: put this file in the jsaddons folder and the add-in's files beside it in ${ADDIN_NAME}_${version}/
     (Windows %APPDATA%\\kingsoft\\wps\\jsaddons, Linux ~/.local/share/Kingsoft/wps/jsaddons); restart WPS. -->
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${xmlText(url)}" version="${xmlText(version)}"/>
</jsplugins>
`;
}

function publishOnlineXml(online) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Online install: save as publish.xml in the jsaddons folder; WPS loads the add-in from the intranet server. -->
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlText(online)}"/>
</jsplugins>
`;
}

/** Writes the generated XML files into the output. */
class WpsFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WpsFilesPlugin", (compilation) =>
      compilation.hooks.processAssets.tap({ name: "WpsFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, text] of Object.entries(this.files)) compilation.emitAsset(name, new sources.RawSource(text));
      }),
    );
  }
}

/**
 * HOOK for functions.json: the functions helper's scripts/wps-functions.js generates it from the one JSDoc source
 * (checked against the Excel metadata). Wired here when it is present; until then the build says so and the
 * manifest's Functions Uri points at a file that is not there (test/addin/wps/build.test.ts skips that check).
 */
function wpsFunctionsJsonPlugin() {
  if (!fs.existsSync(FUNCTIONS_GENERATOR)) {
    console.warn(`build:wps: ${path.relative(__dirname, FUNCTIONS_GENERATOR)} is missing: no functions.json in the WPS add-in`);
    return [];
  }
  const generator = require(FUNCTIONS_GENERATOR);
  const Plugin = generator.WpsFunctionsPlugin ?? generator.default ?? generator;
  if (typeof Plugin !== "function") throw new Error("scripts/wps-functions.js exports no WpsFunctionsPlugin");
  return [new Plugin({ output: "functions.json" })];
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const version = manifestVersion();
  const online = onlineUrl();
  const xml = { "manifest.xml": jsPluginManifest(version), "publish.xml": publishXml(version, online) };
  if (online) xml["publish-online.xml"] = publishOnlineXml(online);
  return {
    // No source maps in production: the folder officers copy into jsaddons stays small (WPS debugs with ALT+F12).
    devtool: production ? false : "eval-source-map",
    entry: {
      main: "./addin/wps/main.ts",
      taskpane: "./addin/wps/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, process.env.HLJ_WPS_DIST_DIR || "dist-wps"),
      filename: "[name].js",
      // "auto": scripts and the worker chunk are found beside the page that loads them (server folder or jsaddons).
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.wps.json", transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...wpsFunctionsJsonPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/wps/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { version },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "addin/wps/index.html", to: "index.html" },
          { from: "addin/wps/ribbon.xml", to: "ribbon.xml" },
        ],
      }),
      new WpsFilesPlugin(xml),
    ],
  };
};

// For test/addin/wps/build.test.ts: the generated files' text without a build.
Object.assign(module.exports, { ADDIN_NAME, NAMESPACE, jsPluginManifest, publishXml, publishOnlineXml, onlineUrl, manifestVersion });
