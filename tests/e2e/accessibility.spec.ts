// Accessibility, once per page type (issue 9): every page of every role, at 1280 px and at 320 px
// (WCAG 1.4.10 reflow: 320 CSS px is 1280 px at 400% zoom), scanned with axe (WCAG 2.2 A and AA)
// and checked to be no wider than the window. The journeys in the other specs no longer scan each
// step. Pages that need data (a draft, a decision, an escalation, a record due for disposal) get it
// from page-fixtures.setup.ts, one short run through the app before the specs.
import { readFileSync } from "node:fs";
import { type Page, test as base, expect } from "@playwright/test";
import type { PageFixtures } from "./page-fixtures.setup";
import { USERS, expectNoAxeViolations, pageFixturesPath, storageStatePath } from "./support";

const WIDTHS = [1280, 320] as const;

type Role = "signed out" | "practitioner" | "supervisor" | "IG lead" | "admin";

interface PageType {
  role: Role;
  name: string;
  path: (f: PageFixtures) => string;
  /** Brings the page into the state to check, after loading it (an error summary, say). */
  act?: (page: Page) => Promise<void>;
}

const SIGNED_IN_AS: Record<Exclude<Role, "signed out">, string> = {
  practitioner: USERS.practitioner,
  supervisor: USERS.supervisor,
  "IG lead": USERS.igLead,
  admin: USERS.admin,
};

const everyone = (name: string, path: string): PageType[] =>
  (["practitioner", "supervisor", "IG lead", "admin"] as const).map((role) => ({ role, name, path: () => path }));

/** A page brought to its error summary by pressing `buttons` in turn. */
const withErrors = (role: Role, name: string, path: string, buttons: string[]): PageType => ({
  role,
  name,
  path: () => path,
  act: async (page) => {
    for (const button of buttons) await page.getByRole("button", { name: button }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
  },
});

const PAGES: PageType[] = [
  { role: "signed out", name: "sign in", path: () => "/sign-in" },
  withErrors("signed out", "sign in with errors", "/sign-in", ["Sign in"]),
  { role: "signed out", name: "signed out", path: () => "/signed-out" },
  { role: "signed out", name: "accessibility statement", path: () => "/accessibility" },
  ...everyone("notifications", "/notifications"),
  { role: "practitioner", name: "your decisions", path: () => "/decisions" },
  { role: "practitioner", name: "record a decision (start)", path: () => "/decisions/new" },
  withErrors("practitioner", "a question with errors", "/decisions/new", ["Start now", "Save and continue"]),
  { role: "practitioner", name: "check your answers", path: (f) => `/decisions/drafts/${f.draftId}/check-answers` },
  { role: "practitioner", name: "confirmation", path: (f) => `/decisions/${f.reference}/confirmation` },
  { role: "practitioner", name: "a decision record", path: (f) => `/decisions/${f.reference}` },
  { role: "practitioner", name: "forbidden (the audit log)", path: () => "/audit" },
  { role: "supervisor", name: "review queue", path: () => "/review" },
  { role: "supervisor", name: "review a decision", path: (f) => `/review/${f.reference}` },
  { role: "supervisor", name: "escalations", path: () => "/escalations" },
  { role: "supervisor", name: "an escalation", path: (f) => `/escalations/${f.escalationId}` },
  { role: "IG lead", name: "audit log", path: () => "/audit" },
  { role: "IG lead", name: "a record's history", path: (f) => `/audit/history/${f.reference}` },
  { role: "IG lead", name: "dashboard", path: () => "/dashboard" },
  { role: "IG lead", name: "retention", path: () => "/retention" },
  { role: "IG lead", name: "a record's retention", path: (f) => `/retention/${f.reference}` },
  { role: "IG lead", name: "subject access", path: () => "/subject-access" },
  { role: "IG lead", name: "escalations", path: () => "/escalations" },
  { role: "IG lead", name: "settings", path: () => "/settings" },
  { role: "admin", name: "users", path: () => "/admin/users" },
  { role: "admin", name: "settings", path: () => "/settings" },
];

/** The header's navigation is the same on every page of a role: it is checked once per role and width. */
const NAVIGATION = 'header nav[aria-label="Main"]';

/**
 * Known accessibility failures, by width and page, with what fails. Each is marked `test.fail()`, so
 * the run shows it (and fails once it is fixed, to be taken off this list) without hiding it or
 * failing the suite. The fixes belong to the UI work, not to this suite.
 */
const KNOWN_FAILURES: Record<string, string> = {
  // src/app/dashboard/page.tsx: the open-escalations link on the orange panel is below 4.5:1 contrast.
  "1280 IG lead: dashboard": "color-contrast: the open-escalations link on the highlighted panel",
  "320 IG lead: dashboard": "color-contrast: the open-escalations link on the highlighted panel",
  // src/components/Header.tsx: at 320 px the longer menus wrap and their links sit closer than 24 px.
  "320 supervisor: navigation": "target-size: the wrapped navigation links are closer than 24 px",
  "320 IG lead: navigation": "target-size: the wrapped navigation links are closer than 24 px",
  // Tables wider than a 320 px window (the page scrolls sideways); where the table sits in a scrolling
  // box instead, the box cannot be reached with the keyboard. Widths measured on 29 November 2026.
  "320 practitioner: your decisions": "reflow: 513 px wide (decisions table); color-contrast on its links",
  "320 supervisor: review queue": "reflow: 607 px wide (queue table)",
  "320 supervisor: escalations": "reflow: 364 px wide (escalations table)",
  "320 IG lead: audit log": "reflow: 388 px wide (audit filters and table)",
  "320 IG lead: a record's history": "scrollable-region-focusable: the table's scrolling box takes no keyboard focus",
  "320 IG lead: retention": "reflow: 497 px wide (retention table); color-contrast on its links",
  "320 IG lead: escalations": "reflow: 364 px wide (escalations table)",
  "320 admin: users": "reflow: 638 px wide (users table); color-contrast on its buttons",
};

function markKnownFailure(width: number, label: string): void {
  const known = KNOWN_FAILURES[`${width} ${label}`];
  test.fail(known !== undefined, known);
}

/**
 * One browser page per role and width, reused by every test of that role and width that the worker
 * runs (a new context per test cost more than many of the scans). Signed-in pages start from the
 * session the sign-in setup stored; each test checks it was not sent to sign in instead.
 */
const test = base.extend<object, { pageFor: (role: Role, width: number) => Promise<Page> }>({
  pageFor: [
    async ({ browser }, use) => {
      const pages = new Map<string, Page>();
      await use(async (role, width) => {
        const key = `${role} ${width}`;
        let page = pages.get(key);
        if (!page) {
          const storageState = role === "signed out" ? undefined : storageStatePath(SIGNED_IN_AS[role]);
          const context = await browser.newContext({ viewport: { width, height: 900 }, storageState });
          page = await context.newPage();
          pages.set(key, page);
        }
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: "worker" },
  ],
});

/** Opens `path` as `role`, failing if a signed-in role was sent to sign in (its stored session no longer works). */
async function open(page: Page, role: Role, path: string): Promise<void> {
  await page.goto(path);
  if (role !== "signed out") expect(new URL(page.url()).pathname, `${role} is signed in`).not.toMatch(/^\/sign-in/);
}

// Made once per run by page-fixtures.setup.ts; read per test, since a worker that restarts after a
// failure runs a file's hooks again.
const fixtures = (): PageFixtures => JSON.parse(readFileSync(pageFixturesPath(), "utf8")) as PageFixtures;

/** The page's width and the window's, in CSS pixels. */
async function widths(page: Page): Promise<{ page: number; window: number }> {
  return page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
}

/** Reflow first (a soft check, so axe still runs), then axe on all but the navigation. */
async function checkPage(page: Page, label: string, width: number): Promise<void> {
  const size = await widths(page);
  expect.soft(size.page, `${label} at ${width} px is ${size.page} px wide`).toBeLessThanOrEqual(size.window);
  await expectNoAxeViolations(page, { exclude: NAVIGATION });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    for (const type of PAGES) {
      const label = `${type.role}: ${type.name}`;
      test(`${label}: no axe violations, no wider than the window`, async ({ pageFor }) => {
        markKnownFailure(width, label);
        const page = await pageFor(type.role, width);
        await open(page, type.role, type.path(fixtures()));
        await type.act?.(page);
        await checkPage(page, label, width);
      });
    }

    for (const role of ["practitioner", "supervisor", "IG lead", "admin"] as const) {
      test(`${role}: navigation: no axe violations`, async ({ pageFor }) => {
        markKnownFailure(width, `${role}: navigation`);
        const page = await pageFor(role, width);
        await open(page, role, "/notifications");
        await expect(page.locator(NAVIGATION)).toBeVisible();
        await expectNoAxeViolations(page, { include: NAVIGATION });
      });
    }

    const questionPages = "practitioner: every question page of the wizard";
    test(`${questionPages}: no axe violations, no wider than the window`, async ({ pageFor }) => {
      const page = await pageFor("practitioner", width);
      const { draftId, draftSteps } = fixtures();
      expect(draftSteps.length).toBeGreaterThan(0);
      for (const step of draftSteps) {
        await open(page, "practitioner", `/decisions/drafts/${draftId}/${step}`);
        await expect(page.getByTestId("progress")).toBeVisible();
        await checkPage(page, `question ${step}`, width);
      }
    });
  });
}
