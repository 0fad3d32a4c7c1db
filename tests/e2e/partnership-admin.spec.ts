// The bank holidays page (issue 14, decision 033) without JavaScript, as the council's admin: add a
// holiday (after GOV.UK's error summary for an empty form), then remove it through the "Are you sure"
// page; both audited. The rules (clocks, response times, refusals) are in the integration tests; the
// pages' accessibility in accessibility.spec.ts.
import { expect, test } from "@playwright/test";
import { USERS, signIn, withDatabase } from "./support";

// Far enough ahead that no request's clock in a test running alongside reads it (clocks look three
// years ahead), and a Tuesday.
const DAY = { day: "10", month: "6", year: "2031", iso: "2031-06-10" };

test("an admin adds a bank holiday and removes it again, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, USERS.admin);
  const since = new Date(Date.now() - 1000);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Bank holidays" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bank holidays" })).toBeVisible();

  await page.getByRole("button", { name: "Add bank holiday" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Enter the name of the bank holiday");
  await expect(summary).toContainText("Enter the date of the bank holiday");

  await page.getByLabel("Name of the bank holiday").fill("Partnership test day");
  await page.getByLabel("Day", { exact: true }).fill(DAY.day);
  await page.getByLabel("Month", { exact: true }).fill(DAY.month);
  await page.getByLabel("Year", { exact: true }).fill(DAY.year);
  await page.getByRole("button", { name: "Add bank holiday" }).click();
  await expect(page.getByTestId("bank-holidays-notice")).toContainText("Bank holiday added");
  await expect(page.getByTestId("bank-holidays-2031")).toContainText("10 June 2031");

  await page.getByRole("link", { name: "Remove Partnership test day, 10 June 2031" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Are you sure you want to remove Partnership test day, 10 June 2031?",
    }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Yes, remove bank holiday" }).click();
  await expect(page.getByTestId("bank-holidays-notice")).toContainText("Bank holiday removed");
  await expect(page.getByTestId("bank-holidays-2031")).toHaveCount(0);

  const { rows } = await withDatabase((db) =>
    db.query<{ action: string; object_id: string }>(
      `SELECT e.action, e.object_id FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE u.email = $1 AND e.action LIKE 'bank-holiday.%' AND e.at >= $2 ORDER BY e.id`,
      [USERS.admin, since],
    ),
  );
  expect(rows).toEqual([
    { action: "bank-holiday.add", object_id: DAY.iso },
    { action: "bank-holiday.remove", object_id: DAY.iso },
  ]);
  await context.close();
});
