// Accessibility, once per page type (issue 9): every page of every role, at 1280 px and at 320 px
// (WCAG 1.4.10 reflow: 320 CSS px is 1280 px at 400% zoom), scanned with axe (WCAG 2.2 A and AA)
// and checked to be no wider than the window. The journeys in the other specs no longer scan each
// step. Pages that need data (a draft, a decision, an escalation, a record due for disposal) get it
// from one short run through the app first.
import { type Browser, type Page, expect, test } from "@playwright/test";
import { USERS, expectNoAxeViolations, signIn, withDatabase } from "./support";
import {
  draftAnswers,
  openRecordFromConfirmation,
  recordDecision,
  uniqueCaseReference,
  walkToCheckAnswersWithoutPurpose,
} from "./wizard-helpers";

const WIDTHS = [1280, 320] as const;

interface Fixtures {
  draftId: string;
  draftSteps: string[];
  reference: string;
  escalationId: string;
}

type Role = "signed out" | "practitioner" | "supervisor" | "IG lead" | "admin";

interface PageType {
  role: Role;
  name: string;
  path: (f: Fixtures) => string;
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

const PAGES: PageType[] = [
  { role: "signed out", name: "sign in", path: () => "/sign-in" },
  {
    role: "signed out",
    name: "sign in with errors",
    path: () => "/sign-in",
    act: async (page) => {
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
    },
  },
  { role: "signed out", name: "signed out", path: () => "/signed-out" },
  { role: "signed out", name: "accessibility statement", path: () => "/accessibility" },
  ...everyone("notifications", "/notifications"),
  { role: "practitioner", name: "your decisions", path: () => "/decisions" },
  { role: "practitioner", name: "record a decision (start)", path: () => "/decisions/new" },
  {
    role: "practitioner",
    name: "a question with errors",
    path: () => "/decisions/new",
    act: async (page) => {
      await page.getByRole("button", { name: "Start now" }).click();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
    },
  },
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

/**
 * Pages known to be wider than a 320 px window: their 320 px tests are marked `test.fail()`, so the
 * run shows them (and fails when one is fixed, to be taken off the list) without hiding them. The
 * fixes belong to the UI work, not to this suite.
 */
const KNOWN_REFLOW_FAILURES = new Set<string>([]);

async function newPageFor(browser: Browser, role: Role, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  if (role !== "signed out") await signIn(page, SIGNED_IN_AS[role]);
  return page;
}

let fixtures: Fixtures;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const practitioner = await newPageFor(browser, "practitioner");
  const rationale = "There is no clear purpose: the request is for a general background check.";

  // A decision, recorded, with an escalation raised about it.
  await walkToCheckAnswersWithoutPurpose(practitioner, uniqueCaseReference("A11Y"), rationale);
  const reference = await recordDecision(practitioner);
  await openRecordFromConfirmation(practitioner, reference);
  await practitioner.getByText("Escalate a disagreement about this decision").click();
  await practitioner.getByLabel("Why are you escalating?").fill("The requester disagrees that there is no purpose.");
  await practitioner.getByRole("button", { name: "Escalate" }).click();
  await expect(practitioner.getByTestId("decision-escalations")).toBeVisible();

  // A draft left at check answers; its question pages are the wizard's page types.
  const draftId = await walkToCheckAnswersWithoutPurpose(practitioner, uniqueCaseReference("A11Y"), rationale);
  const draftSteps = Object.keys((await draftAnswers(draftId)) ?? {});
  await practitioner.context().close();

  const escalationId = await withDatabase(async (client) => {
    // The record becomes due for disposal, as if its retention period had passed. Decisions are
    // append-only for every session role; a replica session skips that trigger, as only an owner can.
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("UPDATE decision SET retain_until = now() - interval '1 day' WHERE reference = $1", [reference]);
    await client.query("COMMIT");
    const { rows } = await client.query<{ id: string }>(
      "SELECT e.id FROM escalation e JOIN decision d ON d.id = e.decision_id WHERE d.reference = $1",
      [reference],
    );
    return rows[0]!.id;
  });
  fixtures = { draftId, draftSteps, reference, escalationId };
});

/** The page's width and the window's, in CSS pixels. */
async function widths(page: Page): Promise<{ page: number; window: number }> {
  return page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
}

/** Reflow first (a soft check, so axe still runs), then axe. */
async function checkPage(page: Page, label: string, width: number): Promise<void> {
  const size = await widths(page);
  expect.soft(size.page, `${label} at ${width} px is ${size.page} px wide`).toBeLessThanOrEqual(size.window);
  await expectNoAxeViolations(page);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    for (const type of PAGES) {
      const label = `${type.role}: ${type.name}`;
      test(`${label}: no axe violations, no wider than the window`, async ({ browser }) => {
        // A page that does not reflow at 320 px is a known failure, listed above, not a hidden one.
        if (width === 320 && KNOWN_REFLOW_FAILURES.has(label)) test.fail();
        const page = await newPageFor(browser, type.role, width);
        await page.goto(type.path(fixtures));
        await type.act?.(page);
        await checkPage(page, label, width);
        await page.context().close();
      });
    }

    test("practitioner: every question page of the wizard: no axe violations, no wider than the window", async ({ browser }) => {
      const page = await newPageFor(browser, "practitioner", width);
      expect(fixtures.draftSteps.length).toBeGreaterThan(0);
      for (const step of fixtures.draftSteps) {
        await page.goto(`/decisions/drafts/${fixtures.draftId}/${step}`);
        await expect(page.getByTestId("progress")).toBeVisible();
        await checkPage(page, `question ${step}`, width);
      }
      await page.context().close();
    });
  });
}
