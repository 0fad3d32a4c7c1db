import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { AxeResults, ElementContext, RunOptions } from "axe-core";
import { type BrowserContext, type Page, expect } from "@playwright/test";
import type pg from "pg";
import { withClient } from "../../scripts/lib/harness/database";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../scripts/lib/demo-data";
import { TOTP_PERIOD_SECONDS, totpCodeAt, totpStepAt } from "../../src/domain/second-factor/totp";

export const USERS = {
  practitioner: "sam.patel@northshire.example",
  practitioner2: "jo.williams@northshire.example",
  supervisor: "alex.morgan@northshire.example",
  igLead: "priya.shah@northshire.example",
  admin: "admin@northshire.example",
  schoolPractitioner: "tom.baker@riverside.example",
  schoolPractitioner2: "amy.chen@riverside.example",
  schoolSupervisor: "ruth.okafor@riverside.example",
  otherTeamSupervisor: "kim.ahmed@northshire.example",
} as const;

/** WCAG 2.2 A and AA: the rules axe tags with these, and no best practices. */
const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** axe-core's minified build: less than half of `axe.source` to send to each page and parse there. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
type AxeInPage = { axe: { run: (context: ElementContext, options: RunOptions) => Promise<AxeResults> } };

/**
 * Fails the test on any WCAG 2.2 A/AA violation on the page as it is now: the whole page, or only
 * the parts `include` selects, leaving out what `exclude` selects. `soft` lets the test go on (and
 * fail at its end); `context` is added to the failure message (the window's width, say).
 */
export async function expectNoAxeViolations(
  page: Page,
  scope: { include?: string; exclude?: string; soft?: boolean; context?: string } = {},
): Promise<void> {
  // After a move between pages without a reload, Next sets the new title a commit after the page
  // appears; scanning in between reports a page with no title (a CI run did). A page that never
  // gets one still fails here.
  await expect(page).toHaveTitle(/\S/);
  const summary = await axeViolations(page, scope);
  const message = `axe violations on ${page.url()}${scope.context ? ` ${scope.context}` : ""}`;
  (scope.soft ? expect.soft : expect)(summary, message).toEqual([]);
}

/**
 * axe.run in the page itself, one line per violation. axe is put into each page once and kept for its
 * later scans (the page at another width, say): @axe-core/playwright sent all 1.5 MB of it twice per
 * scan, which took longer than the scan (decision 011). Only violations are reported in full
 * (`resultTypes`): every rule still runs, but the nodes that pass are not collected and sent back.
 * InfoShare's pages have no iframes, which axe.run in the page would not reach.
 */
async function axeViolations(page: Page, scope: { include?: string; exclude?: string }): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const exclude = scope.exclude ? [scope.exclude] : [];
  const context = scope.include ? { include: [scope.include], exclude } : { exclude };
  return page.evaluate(
    async ({ context, tags }) => {
      const { axe } = window as unknown as AxeInPage;
      const results = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    },
    { context, tags: WCAG_AA_TAGS },
  );
}

/** Where the sign-in setup (auth.setup.ts) keeps each user's signed-in browser state for this port. */
export function storageStatePath(email: string): string {
  return join(process.cwd(), "test-results", ".auth", String(process.env.E2E_PORT ?? 3100), `${email}.json`);
}

/** What page-fixtures.setup.ts made for accessibility.spec.ts: a draft, a decision, an escalation. */
export function pageFixturesPath(): string {
  return join(dirname(storageStatePath("x")), "page-fixtures.json");
}

const SIGNED_OUT_PATHS = ["/sign-in", "/signed-out", "/api/session/end"];

/**
 * Starts the page signed in as `email` with the session the sign-in setup stored, or switches the
 * page to that user (the previous user's session stays open); only when there is none, or it no
 * longer works, signs in through the form and stores the new one. Tests of signing in itself use
 * `signInThroughForm`. The stored session is shared by every test running at the same time, so a
 * test never signs out of it (signOut ends the session on the server for all of them).
 */
export async function signIn(page: Page, email: string): Promise<void> {
  const file = storageStatePath(email);
  if (existsSync(file)) {
    type StoredCookies = Parameters<BrowserContext["addCookies"]>[0];
    const state = JSON.parse(readFileSync(file, "utf8")) as { cookies: StoredCookies };
    // Leave the previous user's page first: its link prefetches still in flight would come back after
    // the switch as redirects to sign-in that clear the new session's cookie (a CI run's failure).
    await page.goto("about:blank");
    await page.context().clearCookies();
    // By URL rather than domain: a cookie set with a domain is not the host-only cookie the app sets,
    // so signing out (which clears the host-only one) would leave it behind.
    const url = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
    const cookies = state.cookies.map(({ name, value, expires, httpOnly, secure, sameSite }) => {
      return { name, value, url, expires, httpOnly, secure, sameSite };
    });
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!SIGNED_OUT_PATHS.some((path) => new URL(page.url()).pathname.startsWith(path))) return;
  }
  await page.context().clearCookies();
  await signInThroughForm(page, email);
  await page.context().storageState({ path: file });
}

export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await completeSecondFactor(page, email);
}

/**
 * The second step of signing in (decision 021), as a person with the demo's authenticator app
 * would: the code for now, or, when this account already used now's code (a code works once), the
 * next step's, waiting for it to come into the window if need be.
 */
export async function completeSecondFactor(page: Page, email: string, secret = DEMO_TOTP_SECRET): Promise<void> {
  if (new URL(page.url()).pathname !== "/second-factor") return;
  const used = await withDatabase((db) =>
    db.query<{ step: string | null }>(
      `SELECT t.last_used_step::text AS step FROM totp_factor t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1`,
      [email],
    ),
  );
  const lastUsed = used.rows[0]?.step == null ? null : Number(used.rows[0].step);
  const step = Math.max(totpStepAt(Date.now()), lastUsed === null ? 0 : lastUsed + 1);
  // A step is accepted from one period before it starts (the window allows a clock one step behind).
  const acceptedFrom = (step - 1) * TOTP_PERIOD_SECONDS * 1000 + 1000;
  if (Date.now() < acceptedFrom) await page.waitForTimeout(acceptedFrom - Date.now());
  await page.getByLabel("Enter the code from your authenticator app").fill(totpCodeAt(secret, step * 30_000));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/second-factor"));
}

/** Signs out through the header: only from a session of the test's own (signInThroughForm), see signIn. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signed-out");
  // After a client-side redirect Next sets the new page's title a moment after the URL changes.
  await expect(page).toHaveTitle(/You have signed out/);
}

/**
 * A new person copied from a demo user (organisation, team, role, password and authenticator app), for a
 * test that changes a person's second factor or account: no other test signs in as them, whatever runs
 * alongside. Returns the new email address (a label and a random part, at the demo user's domain).
 */
export async function copyOfDemoUser(from: string, label: string): Promise<string> {
  const email = `${label}-${randomUUID().slice(0, 8)}@${from.split("@")[1]}`;
  await withDatabase(async (db) => {
    await db.query(
      `INSERT INTO app_user SELECT (jsonb_populate_record(NULL::app_user,
         to_jsonb(u) || jsonb_build_object('id', gen_random_uuid(), 'email', $2::text, 'created_at', now()))).*
       FROM app_user u WHERE u.email = $1`,
      [from, email],
    );
    await db.query(
      `INSERT INTO totp_factor SELECT (jsonb_populate_record(NULL::totp_factor, to_jsonb(t) || jsonb_build_object(
         'user_id', (SELECT id FROM app_user WHERE email = $2), 'last_used_step', NULL, 'created_at', now()))).*
       FROM totp_factor t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1`,
      [from, email],
    );
  });
  return email;
}

/** The database of the e2e server on `port` (the demo one unless said), to check what was stored. */
export async function withDatabase<T>(
  fn: (client: pg.Client) => Promise<T>,
  port = Number(process.env.E2E_PORT ?? 3100),
): Promise<T> {
  const url = readFileSync(join(process.cwd(), ".data", `e2e-database-url-${port}`), "utf8").trim();
  return withClient(url, fn);
}
