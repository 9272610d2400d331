/**
 * Builds the add-in into dist/: functions.js + functions.json (generated from the JSDoc) + functions.zh-CN.json
 * (its Chinese translation, checked against it), the task pane (the shared runtime's page), the manifest and the icons.
 *
 * Environment, all optional:
 *   HLJ_ADDIN_URL   production origin, e.g. https://hlj.example.gov.cn — replaces https://localhost:3000 in
 *                   dist/manifest.xml (development keeps localhost).
 *   HLJ_OFFICE_JS   "local" serves the @microsoft/office-js copy from the add-in's own origin (for
 *                   government intranets without internet access); default: Microsoft's CDN.
 *   HLJ_DIST_DIR    output folder instead of dist/ (tests build production variants there).
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsZhCnPlugin } = require("./scripts/functions-zh-cn");

const DEV_ORIGIN = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS_DIR = "office-js";

function manifestVersion() {
  const match = /<Version>([^<]+)<\/Version>/.exec(fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8"));
  if (!match) throw new Error("manifest.xml has no <Version>");
  return match[1];
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const origin = (process.env.HLJ_ADDIN_URL || DEV_ORIGIN).replace(/\/+$/, "");
  if (!/^https:\/\/[^/]+/.test(origin)) throw new Error(`HLJ_ADDIN_URL must be an https origin, got ${origin}`);
  const localOfficeJs = process.env.HLJ_OFFICE_JS === "local";
  const officeJsUrl = localOfficeJs ? `${LOCAL_OFFICE_JS_DIR}/office.js` : CDN_OFFICE_JS;
  const version = manifestVersion();

  const copies = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin)),
    },
  ];
  if (localOfficeJs) {
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: LOCAL_OFFICE_JS_DIR,
      // Excel's files and the shared ones; other hosts' scripts and debug builds stay behind.
      globOptions: {
        ignore: [
          "**/*.debug.js",
          "**/*.map",
          ...["outlook", "word", "powerpoint", "onenote", "project", "access", "visio"].map((h) => `**/${h}*`),
        ],
      },
      info: { minimized: true },
    });
  }

  const config = {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      functions: "./addin/functions/functions.ts",
      taskpane: "./addin/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, process.env.HLJ_DIST_DIR || "dist"),
      filename: "[name].js",
      clean: true,
    },
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
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./addin/functions/functions.ts" }),
      // Served to Chinese Office by the manifest's zh-CN override; a translation that drifts from the JSDoc fails the build.
      new FunctionsZhCnPlugin({
        table: path.join(__dirname, "addin/functions/functions.zh-CN.json"),
        source: "functions.json",
        output: "functions.zh-CN.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        // The shared runtime: this page hosts the task pane and the custom functions.
        chunks: ["taskpane", "functions"],
        templateParameters: { officeJsUrl, version },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
      // Certificates are looked for only when serving, not on every build.
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : "https",
    },
  };
  return config;
};

/** Office needs https on localhost: the dev certificates when they can be had, else webpack's self-signed one. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const [key, cert, ca] = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
    if (fs.existsSync(key) && fs.existsSync(cert)) {
      console.warn(
        `office-addin-dev-certs could not install its CA (${error.message}); using the generated files in ${dir}: trust ${ca} yourself.`,
      );
      return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined };
    }
    console.warn(`No trusted development certificate (${error.message}); webpack-dev-server will use its own self-signed certificate.`);
    return {};
  }
}
