// Issue 5: the IG lead filters the log to one decision's history, exports it, and reads the dashboard
// (accessibility: accessibility.spec.ts). Verifying the log is audit-verify.spec.ts's subject; that the IG
// lead opens their other pages, content-security-policy.spec.ts checks with each page's status.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import {
  addAnswers,
  answer,
  fillUrgency,
  recordDraft,
  startDecision,
  uniqueCaseReference,
  withoutPurposeAnswers,
} from "./wizard-helpers";

test("an IG lead follows a decision through the log, exports it, reads the dashboard", async ({ page }) => {
  test.setTimeout(150_000);
  const caseReference = uniqueCaseReference("IG");
  const rationale = "There is no clear purpose: the request is for a general background check.";
  // Started and first answered through the app, so the decision's history below starts with the draft and a
  // saved answer; the rest of the no-purpose walk is stored as it would be (the page fixtures walk it).
  await signIn(page, USERS.practitioner);
  const draftId = await startDecision(page);
  await answer(page, "urgency", fillUrgency("No"));
  await addAnswers(draftId, withoutPurposeAnswers(caseReference, rationale));
  const reference = await recordDraft(page, draftId);

  await signIn(page, USERS.igLead);
  await expect(page).toHaveURL(/\/audit$/);

  // Filter the log to the decision.
  await page.getByLabel("Decision reference").fill(reference);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`reference=${reference}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(reference);
  await expect(page.getByTestId("audit-table")).toContainText("Recorded a decision");

  // Its whole history, from the draft to the views.
  await page.getByRole("link", { name: `Full history of ${reference}` }).click();
  const history = page.getByTestId("audit-table");
  await expect(history).toContainText("Started a draft decision");
  await expect(history).toContainText("Saved a draft answer");
  await expect(history).toContainText("Recorded a decision");
  await expect(history).toContainText("Viewed a decision");

  // Export it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-history").click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes(reference))).toBe(true);
  expect(csv).toContain("decision.record");
  expect(csv).toContain("Recorded a decision");

  // The export is itself in the log.
  await page.goto("/audit?action=audit.export");
  await expect(page.getByTestId("audit-table")).toContainText("Exported the audit log");

  // The dashboard shows the decision in its figures.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Information governance dashboard" })).toBeVisible();
  await expect(page.getByTestId("table-outcomes")).toBeVisible();

  // Subject access for the case returns the decision, and only decisions of that case.
  const subjectAccess = await page.request.get(
    `/api/exports/subject-access?caseReference=${caseReference}&format=json`,
  );
  expect(subjectAccess.status()).toBe(200);
  const body = await subjectAccess.text();
  expect(body).toContain(reference);
});
