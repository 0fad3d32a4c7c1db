// Issue 10: "the README's demo command still prints the demo sign-ins, now including how the demo
// second factor works". What `npm start` prints on the embedded database (demoSignInTable), what
// `npm run demo:code` prints, and what the README says must agree with the demo data itself.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/domain/second-factor/totp";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoSignInTable } from "./demo-data";

const demoEmails = DEMO_ORGANISATIONS.flatMap((organisation) => organisation.users.map((user) => user.email));

describe("the demo sign-ins npm start prints", () => {
  const table = demoSignInTable();

  it("name every demo account and the shared password", () => {
    expect(table).toContain(DEMO_PASSWORD);
    for (const email of demoEmails) expect(table).toContain(email);
  });

  it("say how the demo second factor works: the shared key, or npm run demo:code", () => {
    expect(table).toMatch(/second factor/i);
    expect(table).toContain(DEMO_TOTP_SECRET);
    expect(table).toContain("npm run demo:code");
  });
});

describe("npm run demo:code", () => {
  it("prints the code for the demo accounts' key at this moment", () => {
    const before = Date.now();
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo-code.ts"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const printed = run.stdout.match(/^(\d{6}) /)?.[1];
    // The run may cross a 30-second step boundary: either step's code is right.
    const codes = [before, Date.now()].map((time) => totpCodeAt(DEMO_TOTP_SECRET, time));
    expect(codes).toContain(printed);
    expect(run.stdout).toContain("more seconds");
  });
});

describe("the README", () => {
  const readme = readFileSync("README.md", "utf8");

  it("documents the demo accounts, the password and the demo second factor", () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const email of demoEmails) expect(readme).toContain(email);
    expect(readme).toContain(DEMO_TOTP_SECRET);
    expect(readme).toContain("npm run demo:code");
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts["demo:code"]).toContain("scripts/demo-code.ts");
  });
});
