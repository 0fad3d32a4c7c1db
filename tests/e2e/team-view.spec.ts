// Issue 13: the supervisor's team view and grouped notifications. Two decisions about one case reach
// the supervisor as one notification naming the case and the reason; the team view lists them,
// reviewed or not, with links to each review page and to the case; filters find an endorsed one again.
// Both team view pages (all, and filtered) are scanned at 1280 and 320 px in accessibility.spec.ts.
import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import { draftWithAnswers, recordDraft, uniqueCaseReference, withoutPurposeAnswers } from "./wizard-helpers";

const RATIONALE = "There is no clear purpose: the housing team only wants background for a form.";

test(
  "a case's decisions: one grouped notification, then found again in the team view once endorsed",
  { tag: "@long" },
  async ({ page }) => {
    test.setTimeout(240_000);
    const caseReference = uniqueCaseReference("TEAM");
    await signIn(page, USERS.practitioner);
    const answers = withoutPurposeAnswers(caseReference, RATIONALE);
    const first = await recordDraft(page, await draftWithAnswers(USERS.practitioner, answers));
    const second = await recordDraft(page, await draftWithAnswers(USERS.practitioner, answers));

    // One notification for the case and its reason (a routine flag: not shared), naming the latest.
    await signIn(page, USERS.supervisor);
    await page.goto("/notifications");
    const notifications = page.getByTestId("notifications").getByRole("listitem");
    const forCase = notifications.filter({ hasText: `case ${caseReference}` });
    await expect(forCase).toHaveCount(1);
    await expect(forCase).toContainText(
      `2 decisions about case ${caseReference} are waiting for review (flagged, routine): the latest ${second}`,
    );

    // The team view, from the queue: both decisions, awaiting review, with why they are flagged.
    await page.goto("/review");
    await page.getByRole("link", { name: "See all your team’s decisions, reviewed or not" }).click();
    await expect(page).toHaveURL(/\/review\/team$/);
    await expect(page).toHaveTitle(/Your team’s decisions/);
    const rows = page.getByTestId("team-view-row");
    for (const reference of [first, second]) {
      const row = rows.filter({ hasText: reference });
      await expect(row).toContainText("Awaiting review");
      await expect(row).toContainText("Not shared");
      await expect(row.getByRole("link", { name: reference })).toHaveAttribute("href", `/review/${reference}`);
      await expect(row.getByRole("link", { name: caseReference })).toHaveAttribute("href", `/cases/${caseReference}`);
    }

    // Endorsed, it leaves the queue but not the team view.
    await rows.filter({ hasText: second }).getByRole("link", { name: second }).click();
    await page.getByRole("radio", { name: "Endorse the decision" }).check();
    await page.getByRole("button", { name: "Save review" }).click();
    await expect(page).toHaveURL(/\/review\?done=endorsement/);
    await expect(page.getByTestId("review-queue").or(page.getByTestId("review-queue-empty"))).not.toContainText(second);

    await page.goto("/review/team");
    await page.getByText("Filter the decisions").click();
    await page.getByLabel("Review status").selectOption({ label: "Endorsed" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=ENDORSED/);
    await expect(rows.filter({ hasText: second })).toContainText("Endorsed");
    await expect(page.getByTestId("team-view")).not.toContainText(first);

    // The case link opens the case's history.
    await rows.filter({ hasText: second }).getByRole("link", { name: caseReference }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseReference}$`));
    await expect(page.getByText(first).first()).toBeVisible();
  },
);

test("the team view is the supervisor's: a practitioner gets the forbidden page", async ({ page }) => {
  await signIn(page, USERS.practitioner);
  expect((await page.goto("/review/team"))?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
