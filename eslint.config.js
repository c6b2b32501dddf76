// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";
import esx from "eslint-plugin-es-x";
import globals from "globals";

const surfaces = ["addin", "teams-app", "graph"];
const importBoundary = (self) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: surfaces
        .filter((surface) => surface !== self)
        .map((surface) => ({
          group: [`**/${surface}/**`, `${surface}/**`],
          message: "Surfaces never import each other: import the core in policy/ instead.",
        })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "coverage/",
      "test-results/",
      ".artifacts/",
      "manifests/generated/",
      "reports/",
      ".stryker-tmp*/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  regexp.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Catastrophic backtracking must be caught by lint: the engine is regex-heavy and runs inside Outlook.
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "regexp/no-misleading-capturing-group": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core runs in Outlook's JavaScript-only runtime (classic Windows): regex syntax newer than
    // ES2016 cannot be lowered by the bundler, so it is refused here.
    files: ["policy/**/*.ts", "addin/launchevent/**/*.ts"],
    ignores: [
      "**/*.test.ts",
      "policy/cli/**",
      "policy/pack/load.ts",
      "policy/presets/index.ts",
      "policy/engine/rule-tester.ts",
      "addin/launchevent/polyfills.ts",
    ],
    plugins: { "es-x": esx },
    rules: {
      "es-x/no-regexp-lookbehind-assertions": "error",
      "es-x/no-regexp-named-capture-groups": "error",
      "es-x/no-regexp-s-flag": "error",
      "es-x/no-regexp-unicode-property-escapes": "error",
      "es-x/no-regexp-d-flag": "error",
      "es-x/no-regexp-v-flag": "error",
      "es-x/no-string-prototype-matchall": "error",
      "es-x/no-string-prototype-replaceall": "error",
      "es-x/no-array-prototype-at": "error",
      "es-x/no-object-hasown": "error",
      "es-x/no-string-prototype-at": "error",
      // Built-ins newer than ES2016 may be missing in classic Outlook's JavaScript-only runtime.
      "es-x/no-object-values": "error",
      "es-x/no-object-entries": "error",
      "es-x/no-object-fromentries": "error",
      "es-x/no-string-prototype-trimstart-trimend": "error",
      "es-x/no-string-prototype-padstart-padend": "error",
      "es-x/no-array-prototype-flat": "error",
      "es-x/no-promise-prototype-finally": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/addin/**", "**/teams-app/**", "**/graph/**"],
              message: "policy/ is the core: it imports no surface.",
            },
            {
              group: ["react", "react-dom", "@microsoft/*", "@azure/*", "@fluentui/*"],
              message: "The core stays free of UI, Office and Graph.",
            },
          ],
        },
      ],
    },
  },
  ...surfaces.map((surface) => ({ files: [`${surface}/**/*.{ts,tsx}`], rules: importBoundary(surface) })),
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
