import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const THROUGH_USE_CASES = "src/app reaches the database only through a use case in src/server.";

/**
 * Code with no components or hooks: the domain, the use cases, schemas, scripts, tests and the bench. The
 * React, hooks and JSX-accessibility rules look for components in every file they see, and the hooks
 * plugin runs the React Compiler's analysis on each: over half of all lint time went there (TIMING=30),
 * for code that cannot hold a component (lint forbids React in src/domain; src/server uses only `cache`).
 */
const CODE_WITHOUT_COMPONENTS = [
  "src/domain/**",
  "src/server/**",
  "src/schemas/**",
  "src/*.ts",
  "scripts/**",
  "tests/**",
  "bench/**",
  "*.config.{ts,mjs}",
];
const REACT_RULE = /^(react|react-hooks|jsx-a11y)\//;
const reactRulesOff = Object.fromEntries(
  nextVitals
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => REACT_RULE.test(rule))
    .map((rule) => [rule, "off"]),
);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "src/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "bench/results/**",
  ]),
  { files: CODE_WITHOUT_COMPONENTS, rules: reactRulesOff },
  {
    // No line over 120 characters (issue 9): Prettier wraps code at 120; this also catches the
    // strings and comments Prettier leaves alone.
    rules: { "max-len": ["error", { code: 120, tabWidth: 2 }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // Layers (decision 010): each may import only what lies below it. A test lints fixtures against these
  // rules (src/layers.test.ts), so breaking them fails the build.
  {
    // The domain stays pure: no framework or database imports.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: ["next", "next/*", "react", "react-*", "@prisma/*", "@/generated/*", "@/server/*", "@/app/*", "pg"],
        },
      ],
    },
  },
  {
    // Routes are thin: they reach the database only through use cases.
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pg", message: THROUGH_USE_CASES }],
          patterns: [
            { group: ["@/server/infra/db", "**/server/infra/db"], message: THROUGH_USE_CASES },
            {
              group: ["@/generated/*", "**/generated/prisma/*", "@prisma/*"],
              message: "Generated Prisma code belongs to src/server.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components render what they are given: no use cases, no routes. Type-only imports of the
    // use cases' view types are allowed (they are erased; nothing runs across the line).
    files: ["src/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "**/server/*"],
              allowTypeImports: true,
              message: "src/components may not import src/server.",
            },
            {
              group: ["@/app/*", "**/app/*"],
              message: "src/components may not import src/app: take actions as props.",
            },
          ],
        },
      ],
    },
  },
]);
