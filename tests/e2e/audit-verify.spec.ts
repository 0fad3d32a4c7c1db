import { expect, test } from "@playwright/test";
import { USERS, expectNoAxeViolations, signIn, withDatabase } from "./support";

test("the IG lead verifies their organisation's audit log and sees it is intact", async ({ page }) => {
  await signIn(page, USERS.igLead);
  await expect(page).toHaveURL(/\/audit$/);

  await page.getByRole("button", { name: "Verify integrity" }).click();
  await expect(page).toHaveURL(/\/audit\?verification=\d+$/);
  const result = page.getByTestId("verification-result");
  await expect(result.getByRole("heading", { level: 2, name: "Audit log intact" })).toBeVisible();
  await expect(result).toContainText("None has been altered, removed or reordered");
  await expect(result).toContainText("Priya Shah");
  await expectNoAxeViolations(page);

  // The verification itself is in the log.
  await expect(page.getByTestId("audit-table")).toContainText("Verified the audit log");
  const verificationId = new URL(page.url()).searchParams.get("verification");
  const recorded = await withDatabase((db) =>
    db.query("SELECT action, outcome, detail FROM audit_event WHERE id = $1", [verificationId]),
  );
  expect(recorded.rows[0]).toMatchObject({
    action: "audit.verify",
    outcome: "SUCCESS",
    detail: { completed: true, breaks: 0 },
  });
});
