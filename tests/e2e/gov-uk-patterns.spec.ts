// Issue 13: the GOV.UK patterns done fully, as a person meets them in the browser: "Error: " titles and
// the summary first in main, the current page marked in the navigation, a favicon, closed conditional
// reveals, the character count, the date input filters, the audit log in words, subject access with no
// records, and discarding a draft. (Accessibility of each page: accessibility.spec.ts.)
import { expect, test } from "@playwright/test";
import { USERS, signIn, withDatabase } from "./support";
import { addAnswers, routineOpeningAnswers, startDecision, uniqueCaseReference } from "./wizard-helpers";

test("a form with errors puts 'Error: ' in the title and its summary first in main", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle(/^Sign in/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Sign in/);
  // First in main: nothing comes before it.
  const firstInMain = page.locator("main > *:first-child");
  await expect(firstInMain.getByTestId("error-summary")).toBeVisible();
  await expect(page.getByTestId("error-summary")).toBeFocused();
});

test("the navigation marks the current page, and there is a favicon", async ({ page }) => {
  await signIn(page, USERS.practitioner);
  await page.goto("/decisions/new");
  const navigation = page.getByRole("navigation", { name: "Main" });
  await expect(navigation.getByRole("link", { name: "Record a decision" })).toHaveAttribute("aria-current", "page");
  await expect(navigation.getByRole("link", { name: "Your decisions" })).not.toHaveAttribute("aria-current");
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /icon/);
  // The beta banner is inside a landmark (the header).
  await expect(page.getByRole("banner").getByText("This is a new service")).toBeVisible();
});

test("a practitioner's draft shows how far it got, and can be discarded", async ({ page }) => {
  const caseReference = uniqueCaseReference("DISCARD");
  await signIn(page, USERS.practitioner2);
  const draftId = await startDecision(page);
  // Progress is by section, not by a question count that jumps.
  await expect(page.getByTestId("progress")).toContainText(/Section 1 of \d+: Urgency/);
  // The opening answered as the walk stores it (walking it is wizard-paths' subject, not this test's).
  await addAnswers(draftId, routineOpeningAnswers(caseReference));

  await page.goto("/decisions");
  const row = page.getByTestId("drafts-table").getByRole("row").filter({ hasText: caseReference });
  await expect(row.getByTestId("draft-progress")).toContainText(/Section \d+ of \d+/);
  await row.getByRole("link", { name: `Discard draft for ${caseReference}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to discard this draft?");
  await page.getByRole("button", { name: "Discard this draft" }).click();
  await expect(page.getByTestId("draft-discarded")).toBeVisible();
  await expect(page.getByTestId("drafts-table").getByRole("row").filter({ hasText: caseReference })).toHaveCount(0);
  const events = await withDatabase((db) =>
    db.query("SELECT action FROM audit_event WHERE object_id = $1 ORDER BY id DESC LIMIT 1", [draftId]),
  );
  expect(events.rows[0]).toEqual({ action: "draft.discard" });
});

test("a review's comments have a character count, and its follow-up question opens only for a challenge", async ({
  page,
}) => {
  await signIn(page, USERS.supervisor);
  await page.goto("/review");
  const first = page.getByTestId("queue-row").first().getByRole("link").first();
  await first.click();
  const comments = page.getByLabel("Your comments");
  const count = page.locator("#comment-info");
  await expect(count).toHaveText("You can enter up to 5,000 characters");
  await comments.fill("Checked.");
  await expect(count).toHaveText("You have 4,992 characters remaining");
  // "What should the practitioner do?" opens only with "Challenge the decision".
  const action = page.getByLabel("What should the practitioner do?");
  await expect(action).toBeHidden();
  await page.getByLabel("Challenge the decision").check();
  await expect(action).toBeVisible();
});

test("the IG lead reads the audit log in words, filters by a typed date, and finds no records for a typo", async ({
  page,
}) => {
  await signIn(page, USERS.igLead);
  await page.goto("/audit");
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("Signed in");
  await expect(table).not.toContainText("auth.sign-in");
  await expect(table).not.toContainText("::ffff:");
  await expect(table).toContainText("Information governance lead");

  // The date filter is three boxes, day, month and year.
  const today = new Date();
  const from = page.getByRole("group", { name: "From" });
  await from.getByLabel("Day").fill(String(today.getUTCDate()));
  await from.getByLabel("Month").fill(String(today.getUTCMonth() + 1));
  await from.getByLabel("Year").fill(String(today.getUTCFullYear() - 1));
  await page.getByLabel("Order").selectOption("oldest");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/from-day=/);
  await expect(page.getByRole("group", { name: "From" }).getByLabel("Year")).toHaveValue(
    String(today.getUTCFullYear() - 1),
  );
  await expect(page.getByTestId("audit-table").locator("caption")).toContainText("oldest first");

  // A typed day that does not exist is refused with a message, not ignored.
  await page.goto("/audit?from-day=31&from-month=2&from-year=2026");
  await expect(page.getByText("Enter a real 'from' date")).toBeVisible();

  // Subject access for a reference with no records downloads nothing and says so.
  await page.goto("/subject-access");
  await page.getByLabel("Case reference").fill("NO-SUCH-CASE-13");
  await page.getByRole("button", { name: "Download" }).click();
  await expect(page.getByTestId("subject-access-none")).toHaveText(
    "No records were found for case reference NO-SUCH-CASE-13",
  );
  await page.goto("/audit?action=subject-access.search");
  await expect(page.getByTestId("audit-table")).toContainText("Searched for records for a subject access request");
});
