// The layers are enforced by lint (eslint.config.mjs, decision 010): this lints small fixtures as if
// they were files in each layer, through ESLint's Node API and the project's own config, and expects
// each wrong-way import to be an error and each allowed one not to be.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2 && (m.ruleId ?? "").endsWith("no-restricted-imports"))
    .map((m) => m.message);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

// The first lint loads the whole config (Next's plugins): seconds, not milliseconds.
describe("layers, as lint enforces them", { timeout: 60_000 }, () => {
  it("src/components may not import the database, a use case or src/app", async () => {
    const file = "src/components/Fixture.tsx";
    expect(await importErrors(file, `import { db } from "@/server/infra/db";${use("db")}`)).toEqual([
      expect.stringContaining("src/components may not import src/server"),
    ]);
    const useCase = `import { viewDecision } from "@/server/decisions/view-decision";${use("viewDecision")}`;
    expect(await importErrors(file, useCase)).toHaveLength(1);
    const action = `import { signOutAction } from "@/app/sign-out/actions";${use("signOutAction")}`;
    expect(await importErrors(file, action)).toEqual([
      expect.stringContaining("src/components may not import src/app"),
    ]);
    expect(await importErrors(file, `import { db } from "../server/infra/db";${use("db")}`)).toHaveLength(1);
  });

  it("src/components may take a use case's view type, and import the domain and each other", async () => {
    const file = "src/components/Fixture.tsx";
    const allowed = [
      `import type { DecisionView } from "@/server/decisions/view-decision";\nexport type View = DecisionView;\n`,
      `import { can } from "@/domain/policy";${use("can")}`,
      `import { formatDate } from "@/components/format";${use("formatDate")}`,
    ];
    for (const source of allowed) expect(await importErrors(file, source), source).toEqual([]);
  });

  it("src/app may not import the database client, generated Prisma code or pg", async () => {
    const file = "src/app/fixture/page.tsx";
    for (const source of [
      `import { db } from "@/server/infra/db";${use("db")}`,
      `import { Prisma } from "@/generated/prisma/client";${use("Prisma")}`,
      `import pg from "pg";${use("pg")}`,
    ]) {
      expect(await importErrors(file, source), source).toHaveLength(1);
    }
    const useCase = `import { viewDecision } from "@/server/decisions/view-decision";${use("viewDecision")}`;
    expect(await importErrors(file, useCase)).toEqual([]);
  });

  it("src/domain imports no framework and no other layer", async () => {
    const file = "src/domain/fixture.ts";
    for (const source of [
      `import { notFound } from "next/navigation";${use("notFound")}`,
      `import { useState } from "react";${use("useState")}`,
      `import { db } from "@/server/infra/db";${use("db")}`,
    ]) {
      expect(await importErrors(file, source), source).toHaveLength(1);
    }
  });
});
