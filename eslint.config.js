import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import boundaries from DESIGN.md: contract is isomorphic; web, server and sandbox stay apart. */
const forbid = (...groups) => ({
  "no-restricted-imports": ["error", { patterns: groups.map(([group, message]) => ({ group, message })) }],
});
const SERVER = ["**/server/**", "@/server/**"];
const WEB = ["**/web/**", "@/web/**"];
const SANDBOX = ["**/sandbox/**", "@/sandbox/**"];

/** zod and the catalog's schemas: tens of KiB that the first page and the app chunk do without. */
const noCatalog = {
  regex:
    "^(zod(/.*)?|@/contract/workflows(?!/trigger-ids$)(/.*)?|@/contract/postmark(?!/(trigger-ids|area-ids|metadata-keys|bounce-types)$)(/.*)?|@/contract/api(?!/statuses$)(/.*)?)$",
  allowTypeImports: true,
  message:
    "This file loads with the first page or the app chunk: keep zod and the catalog out (zod-free modules: lib/search-params, contract/api/statuses, contract/postmark/trigger-ids, area-ids, metadata-keys, bounce-types).",
};

export default tseslint.config(
  {
    ignores: [
      "dist",
      "node_modules",
      "data",
      "test-results",
      "playwright-report",
      "src/web/routeTree.gen.ts",
      "public/mockServiceWorker.js",
      "bench/out",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...forbid(
        [SERVER, "The browser never imports server code; talk to it over HTTP."],
        [SANDBOX, "The browser never imports the sandbox."],
      ),
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: forbid([WEB, "The server never imports the web app."]),
  },
  {
    files: ["src/sandbox/**/*.ts"],
    rules: forbid(
      [SERVER, "The sandbox is a stand-alone Postmark; it never imports Mailroom's server."],
      [WEB, "The sandbox never imports the web app."],
    ),
  },
  {
    files: ["src/contract/**/*.ts"],
    rules: forbid(
      [[...SERVER, ...WEB, ...SANDBOX], "contract is isomorphic and imports only zod."],
      [
        ["hono", "hono/*", "react", "react-dom", "node:*", "better-sqlite3", "kysely", "pg"],
        "contract imports only zod.",
      ],
    ),
  },
  {
    // Route files and their search schemas load with the app chunk that every page needs: zod or
    // the catalog there would put tens of KiB on it. Use lib/search-params and the zod-free id lists.
    files: ["src/web/routes/**/*.tsx", "src/web/**/*-search.ts", "src/web/app.tsx", "src/web/router.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noCatalog] }] },
  },
  {
    // The boot entry and the sign-in page are the first page: React alone (issue 17). The router,
    // TanStack Query and the shell arrive with the app chunk, which main.tsx imports dynamically.
    files: [
      "src/web/main.tsx",
      "src/web/boot.ts",
      "src/web/features/auth/sign-in-screen.tsx",
      "src/web/features/auth/sign-in-form.tsx",
      "src/web/lib/auth-api.ts",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            noCatalog,
            {
              regex: "^@tanstack/",
              allowTypeImports: true,
              message: "The first page loads without the router and TanStack Query: keep them in the app chunk.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    files: ["**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": "off" },
  },
);
