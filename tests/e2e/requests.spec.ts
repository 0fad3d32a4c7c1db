// Issue 14: a school practitioner asks the health trust for information (Amber); the trust's
// contact team is told in the app and by email (the local SMTP server's mailbox), acknowledges and
// answers with a share; the teacher reads the answer inside InfoShare and confirms receipt; both
// organisations' audit logs show it.
import { join } from "node:path";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { waitForEmail } from "../../scripts/lib/mailbox";
import { signIn } from "./support";

const TEACHER = "tom.baker@riverside.example";
const NURSE = "nadia.rahman@northshire-health.example";
const SCHOOL_IG = "dan.hughes@riverside.example";
const TRUST_IG = "grace.lee@northshire-health.example";
const mailFolder = join(process.cwd(), ".data", `e2e-mail-${process.env.E2E_PORT ?? 3100}`);

/**
 * A browser of the person's own: signing another person in on the same page races the previous
 * page's session timers, which can renew the cookie just cleared.
 */
async function pageOf(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a school asks the health trust, the trust answers, the school confirms receipt; both logs show it", async ({
  browser,
}) => {
  // Five people's pages on a machine shared with builds: more than the default two minutes.
  test.setTimeout(300_000);
  const caseReference = `RPS-${Date.now().toString(36).toUpperCase()}`;
  const shared = "Two A&E attendances: 3 and 17 November 2026, minor injuries, no safeguarding referral.";

  // The teacher sends an Amber request to the trust.
  let page = await pageOf(browser, TEACHER);
  await page.getByRole("link", { name: "Requests", exact: true }).first().click();
  await page.getByRole("button", { name: "Ask a partner for information" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a partner for information");
  await page.getByLabel("Northshire Health NHS Foundation Trust").check();
  await page.getByLabel("Amber").check();
  await page.getByLabel("Your case reference").fill(caseReference);
  await page.getByLabel("Child’s full name").fill("Jamie Doe");
  await page.getByLabel("Day").fill("27");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("2016");
  await page.getByLabel("NHS number").fill("943 476 5919");
  await page
    .getByLabel("Why do you need this information?")
    .fill("Jamie has had unexplained bruising twice this month.");
  await page.getByLabel("What information do you need?").fill("Any A&E attendances in the last six months.");
  await page.getByLabel("On what lawful basis are you asking?").fill("Children Act 2004 section 11");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Your request has been sent")).toBeVisible();
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Request ", "").trim();
  expect(reference).toMatch(/^REQ-/);

  // The trust's contact team is told by email (nothing about the child in it) and in the app.
  const email = await waitForEmail(
    mailFolder,
    (m) => m.to.includes(NURSE) && m.subject.includes("A partner has asked your team for information"),
    30_000,
  );
  expect(email.text).not.toContain("Jamie");
  page = await pageOf(browser, NURSE);
  await page.goto("/notifications");
  await expect(page.getByText("A partner has asked your team for information").first()).toBeVisible();

  // The inbox, due first at the top; the request; acknowledge; answer with a share.
  await page.goto("/requests/inbox");
  await page.getByTestId("request-inbox").getByRole("link", { name: reference }).click();
  await expect(page.getByText("Jamie Doe")).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("The request has been acknowledged.")).toBeVisible();
  await page.getByLabel("Yes, share it").check();
  await page.getByLabel("The information you are sharing").fill(shared);
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Your answer has been sent.")).toBeVisible();

  // The teacher reads the answer inside InfoShare and confirms receipt.
  page = await pageOf(browser, TEACHER);
  await page.goto("/requests");
  await page.getByTestId("sent-requests").getByRole("link", { name: reference }).click();
  await expect(page.getByTestId("request-answer")).toContainText(shared);
  await page.getByRole("button", { name: "Confirm receipt" }).click();
  await expect(page.getByText("You have confirmed that you received the answer.")).toBeVisible();
  await expect(page.getByTestId("request-history")).toContainText("Receipt confirmed by Tom Baker");

  // Both organisations' audit logs show the exchange, including the teacher's views of the answer.
  for (const igLead of [SCHOOL_IG, TRUST_IG]) {
    const auditPage = await pageOf(browser, igLead);
    await auditPage.goto(`/audit?reference=${reference}`);
    const log = auditPage.getByTestId("audit-table");
    for (const label of [
      "Sent a request for information to a partner",
      "Answered a request for information",
      "Viewed a request for information",
      "Confirmed receipt of a partner’s answer",
    ])
      await expect(log, `${igLead}: ${label}`).toContainText(label);
    await auditPage.context().close();
  }
});
