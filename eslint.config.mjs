// ESLint: the Office add-in rules (load before read, sync before read, no context.sync in a loop…) plus
// TypeScript and prettier, as eslint-plugin-office-addins recommends them.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const nodeGlobals = Object.fromEntries(
  ["process", "console", "require", "module", "__dirname", "Buffer", "setTimeout", "clearTimeout", "URL"].map((name) => [name, "readonly"]),
);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "out/**", "test-output/**", "dist-node/**", "dist-wps/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The plugin's own config names @typescript-eslint/parser in a form this version does not export.
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript checks names itself, including the Office and CustomFunctions globals.
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // .tsx files are outside the plugin's own file pattern: give them the same plugins and add-in rules.
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin, "office-addins": officeAddins },
    rules: {
      ...Object.fromEntries(
        ["call-sync-after-load", "call-sync-before-read", "load-object-before-read", "test-for-null-using-isNullObject"].map((rule) => [
          `office-addins/${rule}`,
          "error",
        ]),
      ),
      "office-addins/no-context-sync-in-loop": "warn",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // exceljs, not Office.js: the add-in rules would mistake its cells for Excel.Range proxies.
    files: ["cli/**", "examples/**", "bench/**", "test/cli/**", "test/core/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, globals: nodeGlobals },
  },
];
