// First-run set-up (decision 019) on a database with no demo data: what `npm start` does with
// DATABASE_URL (a one-time set-up link, no accounts), the set-up page's use case, `npm run setup`,
// and both refusing once an organisation exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashOneTimeToken } from "@/domain/accounts/one-time-token";
import { checkSetupLink, completeSetup } from "@/server/accounts/complete-setup";
import { passwordResetIsUsable, resetPassword } from "@/server/accounts/password-reset";
import { signInUser } from "@/server/auth/sign-in-user";
import { db } from "@/server/infra/db";
import { enableAppRoleLogin } from "../../scripts/lib/app-role";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { issueSetupLinkIfNeeded, setUpFromCommandLine } from "../../scripts/lib/first-run-setup";
import { demoSeedingFor, prepareDatabase } from "../../scripts/lib/prepare-database";
import { withClient } from "../../scripts/lib/pg-client";
import { TEST_META, serverDatabaseUrl } from "./support";

const PASSWORD = "marmalade tugboat quiver";
const server = serverDatabaseUrl();
const emptyDatabase = uniqueDatabaseName("infoshare_firstrun");
let ownerUrl: string;
let setupPath: string | null;

beforeAll(async () => {
  ownerUrl = await createDatabase(server, emptyDatabase);
  // What `npm start` does with DATABASE_URL: migrations, no demo data, and a set-up link.
  const prepared = await prepareDatabase(ownerUrl, demoSeedingFor({ embedded: false }, [], { DATABASE_URL: ownerUrl }));
  expect(prepared.seeded).toBeNull();
  setupPath = prepared.setupPath;
  // The app's code in this file connects to that database as the app's role (db() is created on first use).
  process.env.DATABASE_URL = await enableAppRoleLogin(ownerUrl);
}, 120_000);

afterAll(async () => {
  await db().$disconnect();
  await dropDatabase(server, emptyDatabase);
}, 60_000);

const count = (table: string) =>
  withClient(
    ownerUrl,
    async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n,
  );

describe("first-run set-up", () => {
  it("starts with no account, and a one-time link whose token is stored only as its hash", async () => {
    expect(await count("app_user")).toBe(0);
    expect(setupPath).toMatch(/^\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = setupPath!.split("/").pop()!;
    const stored = await withClient(ownerUrl, (c) => c.query("SELECT token_hash FROM setup_token"));
    expect(stored.rows.map((r) => r.token_hash)).toContain(hashOneTimeToken(token));
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    expect(await checkSetupLink(token)).toBe("usable");
    expect(await checkSetupLink("A".repeat(43))).toBe("expired-or-used");
  });

  it("creates the first organisation and admin from the link, then refuses the link and set-up itself", async () => {
    const token = setupPath!.split("/").pop()!;
    const form = {
      token,
      organisationName: "Eastshire County Council",
      kind: "LOCAL_AUTHORITY",
      name: "Olu Adeyemi",
      email: "Olu.Adeyemi@eastshire.example",
    };
    const weak = await completeSetup({ ...form, password: "eastshire123", confirmPassword: "eastshire123" }, TEST_META);
    expect(weak).toMatchObject({ ok: false, errors: [{ field: "password" }] });
    const done = await completeSetup({ ...form, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META);
    expect(done).toEqual({
      ok: true,
      organisationName: "Eastshire County Council",
      email: "olu.adeyemi@eastshire.example",
    });
    const admin = await db().user.findUniqueOrThrow({ where: { email: "olu.adeyemi@eastshire.example" } });
    expect(admin.role).toBe("ADMIN");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "setup.complete" } });
    expect([event.actorId, event.organisationId]).toEqual([admin.id, admin.organisationId]);
    expect(await signInUser({ email: admin.email, password: PASSWORD }, TEST_META)).toMatchObject({ ok: true });

    expect(await checkSetupLink(token)).toBe("already-set-up");
    expect(await completeSetup({ ...form, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    // `npm start` prints no new link, and `npm run setup` refuses, once an organisation exists.
    expect(await issueSetupLinkIfNeeded(ownerUrl)).toBeNull();
    const cli = await setUpFromCommandLine(ownerUrl, {
      organisation: "Another",
      kind: "SCHOOL",
      email: "x@another.example",
      name: "X",
    });
    expect(cli).toEqual({ ok: false, reason: "already-set-up" });
    expect(await count("organisation")).toBe(1);
  });
});

describe("npm run setup", () => {
  it("creates the organisation and an admin with no password, and a one-time link that sets it", async () => {
    const name = uniqueDatabaseName("infoshare_cli");
    const url = await createDatabase(server, name);
    try {
      await prepareDatabase(url, "none");
      const result = await setUpFromCommandLine(url, {
        organisation: "Westshire Academy",
        kind: "SCHOOL",
        email: "Head@Westshire.example",
        name: "Pat Head",
      });
      if (!result.ok) throw new Error("set-up refused");
      expect(result.setPasswordPath).toMatch(/^\/password-reset\/[A-Za-z0-9_-]{43}$/);
      const rows = await withClient(url, (c) =>
        c.query(
          `SELECT email, role::text, password_hash FROM app_user
           UNION ALL SELECT name, kind::text, '' FROM organisation`,
        ),
      );
      expect(rows.rows).toEqual([
        { email: "head@westshire.example", role: "ADMIN", password_hash: "!" },
        { email: "Westshire Academy", role: "SCHOOL", password_hash: "" },
      ]);
      const audit = await withClient(url, (c) => c.query("SELECT action, detail FROM audit_event"));
      expect(audit.rows).toEqual([
        { action: "setup.complete", detail: { via: "command-line", adminId: result.adminId, kind: "SCHOOL" } },
      ]);
    } finally {
      await dropDatabase(server, name);
    }
  });

  it("a set-password link as `npm run setup` stores it works through the password reset page's use case", async () => {
    // The app code in this file is connected to the first database: store a link there as the CLI does.
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const { newOneTimeToken } = await import("@/domain/accounts/one-time-token");
    const { token, tokenHash } = newOneTimeToken();
    await withClient(ownerUrl, (c) =>
      c.query(
        `INSERT INTO password_reset (id, user_id, token_hash, expires_at)
         VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`,
        [admin.id, tokenHash],
      ),
    );
    expect(await passwordResetIsUsable(token)).toBe(true);
    const next = "quiet lantern orchard";
    expect(await resetPassword({ token, password: next, confirmPassword: next }, TEST_META)).toMatchObject({
      ok: true,
    });
    expect(await signInUser({ email: admin.email, password: next }, TEST_META)).toMatchObject({ ok: true });
  });
});
