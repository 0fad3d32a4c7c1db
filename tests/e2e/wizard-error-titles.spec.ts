// Issue 13: a form that comes back with errors has "Error: " at the start of the page's title, also
// without JavaScript: the server renders that title with the error summary (the wizard's questions,
// sign-in and the review form). With JavaScript: gov-uk-patterns.spec.ts.
import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import { draftWithAnswers, recordDraft, uniqueCaseReference, withoutPurposeAnswers } from "./wizard-helpers";

test.use({ javaScriptEnabled: false });

test("without JavaScript, sign-in, a wizard question and a review come back titled 'Error: '", async ({
  page,
  browser,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveTitle("Error: Sign in – InfoShare");

  await signIn(page, USERS.practitioner);
  await page.goto("/decisions/new");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/urgency$/);
  const question = await page.title();
  expect(question).not.toMatch(/^Error: /);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveTitle(`Error: ${question}`);

  // A decision for the supervisor to review, recorded by the practitioner from a draft made in the database.
  const practitioner = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const recorder = await practitioner.newPage();
  await signIn(recorder, USERS.practitioner);
  const rationale = "The request is for a housing form only, so there is no safeguarding purpose in it.";
  const answers = withoutPurposeAnswers(uniqueCaseReference("TITLE"), rationale);
  const reference = await recordDraft(recorder, await draftWithAnswers(USERS.practitioner, answers));
  await practitioner.close();
  await signIn(page, USERS.supervisor);
  await page.goto(`/review/${reference}`);
  await expect(page).toHaveTitle("Review a decision – InfoShare");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveTitle("Error: Review a decision – InfoShare");
});
