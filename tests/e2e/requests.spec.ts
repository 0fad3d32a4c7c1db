// Issue 14: a school practitioner asks the health trust for information (Amber); the trust's
// contact team is told in the app and by email (the local SMTP server's mailbox), acknowledges and
// answers through the wizard with a share (decision 032); the teacher reads the answer inside
// InfoShare and confirms receipt; both organisations' audit logs show it.
import { join } from "node:path";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { waitForEmail } from "../../scripts/lib/mailbox";
import { VALID, consentGivenShareAnswers } from "../../src/domain/wizard/test-fixtures";
import { sendRequest } from "./request-form";
import { expectNoAxeViolations, signIn, withDatabase } from "./support";
import {
  CONSENT_LAWFUL_BASIS,
  INFORMATION_TEXT,
  addAnswers,
  answer,
  choose,
  draftIdFrom,
  fillUrgency,
  recordDecision,
  type,
  yesterday,
} from "./wizard-helpers";

const TEACHER = "tom.baker@riverside.example";
const NURSE = "nadia.rahman@northshire-health.example";
const SCHOOL_IG = "dan.hughes@riverside.example";
const TRUST_IG = "grace.lee@northshire-health.example";
// A lead safeguarding partner of the partnership who is party to neither side (decision 030).
const DIRECTOR = "rachel.green@northshire.example";
const TRUST = "Northshire Health NHS Foundation Trust";
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

/**
 * The next person's page, closing the previous person's browser: left open, each page's session timers and
 * link prefetches kept taking CPU from the rest of the journey on a two-core machine.
 */
async function nextPerson(browser: Browser, previous: Page, email: string): Promise<Page> {
  await previous.context().close();
  return pageOf(browser, email);
}

/** The school's and the trust's IG leads each find every one of `actions` in their log of the request. */
async function expectInBothAuditLogs(browser: Browser, reference: string, actions: string[]): Promise<void> {
  for (const igLead of [SCHOOL_IG, TRUST_IG]) {
    const auditPage = await pageOf(browser, igLead);
    await auditPage.goto(`/audit?reference=${reference}`);
    const log = auditPage.getByTestId("audit-table");
    for (const action of actions) await expect(log, `${igLead}: ${action}`).toContainText(action);
    await auditPage.context().close();
  }
}

test("a school asks the health trust, the trust answers, the school confirms receipt; both logs show it", async ({
  browser,
}) => {
  // Five people's pages and the responding wizard on a machine shared with builds: more than the default
  // two minutes (alone it takes about three; beside the other long journey under load, five was not enough).
  test.setTimeout(420_000);
  const caseReference = `RPS-${Date.now().toString(36).toUpperCase()}`;
  const shared = INFORMATION_TEXT;
  const purpose = "Jamie has had unexplained bruising twice this month.";

  // The teacher sends an Amber request to the trust.
  let page = await pageOf(browser, TEACHER);
  await page.getByRole("link", { name: "Requests", exact: true }).first().click();
  await page.getByRole("button", { name: "Ask a partner for information" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a partner for information");
  const reference = await sendRequest(page, {
    partner: TRUST,
    priority: "Amber",
    caseReference,
    childName: "Jamie Doe",
    dateOfBirth: { day: "27", month: "3", year: "2016" },
    nhsNumber: "943 476 5919",
    why: purpose,
    what: "Any A&E attendances in the last six months.",
    lawfulBasis: "Children Act 2004 section 11",
  });
  expect(reference).toMatch(/^REQ-/);

  // The trust's contact team is told by email (nothing about the child in it) and in the app.
  const email = await waitForEmail(
    mailFolder,
    (m) => m.to.includes(NURSE) && m.subject.includes("A partner has asked your team for information"),
    30_000,
  );
  expect(email.text).not.toContain("Jamie");
  page = await nextPerson(browser, page, NURSE);
  await page.goto("/notifications");
  await expect(page.getByText("A partner has asked your team for information").first()).toBeVisible();

  // The inbox, due first at the top; the request; acknowledge; answer with a share.
  await page.goto("/requests/inbox");
  await page.getByTestId("request-inbox").getByRole("link", { name: reference }).click();
  await expect(page.getByText("Jamie Doe")).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("The request has been acknowledged.")).toBeVisible();
  // Answering runs the wizard, already filled from the request (decision 032).
  await page.getByRole("button", { name: "Answer through the wizard" }).click();
  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", async (p) => {
    await expect(p.getByLabel("Name of the person asking (optional)")).toHaveValue("Tom Baker");
    await expect(p.getByLabel("Their organisation", { exact: true })).toHaveValue("Riverside Primary School");
  });
  await answer(page, "identifiable", (p) => expect(p.getByRole("radio", { name: "Yes", exact: true })).toBeChecked());
  // The flowchart's questions are not this journey's subject (wizard-paths walks them): stored as answered,
  // then the pages the request fills in, the decision's purpose and the recipient, are checked and saved.
  const draftId = draftIdFrom(page);
  const {
    request: _request,
    identifiable: _identifiable,
    decision: _decision,
    recipient: _recipient,
    ...judgements
  } = consentGivenShareAnswers();
  await addAnswers(draftId, {
    ...judgements,
    concern: { ...VALID.concern, caseReference: `NHT-${caseReference}` },
    "lawful-basis": CONSENT_LAWFUL_BASIS,
    "information-to-share": { ...VALID["information-to-share"], informationDescription: shared },
  });
  await page.goto(`/decisions/drafts/${draftId}/decision`);
  await answer(page, "decision", async (p) => {
    await expect(p.getByLabel("What is the purpose of sharing?")).toHaveValue(purpose);
    const date = yesterday();
    await choose(p, "Share the information", "Your decision");
    await type(p, "Why have you made this decision?", "Necessary for the school to understand the bruising.");
    const group = p.getByRole("group", { name: "Date of the decision", exact: true });
    await group.getByLabel("Day", { exact: true }).fill(date.day);
    await group.getByLabel("Month", { exact: true }).fill(date.month);
    await group.getByLabel("Year", { exact: true }).fill(date.year);
  });
  // The requester is who the information goes to: the recipient page starts filled with them.
  await page.goto(`/decisions/drafts/${draftId}/recipient`);
  await answer(page, "recipient", async (p) => {
    await expect(p.getByLabel("Name of the person or team")).toHaveValue("Tom Baker");
    await expect(p.getByLabel("Their organisation")).toHaveValue("Riverside Primary School");
  });
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expect(page.getByText(`This answers request ${reference}`)).toBeVisible();
  const decisionReference = await recordDecision(page);
  await page.goto(`/requests/${reference}`);
  await expect(page.getByTestId("answer-decision")).toContainText(decisionReference);

  // The teacher reads the answer inside InfoShare and confirms receipt.
  page = await nextPerson(browser, page, TEACHER);
  await page.goto("/requests");
  await page.getByTestId("sent-requests").getByRole("link", { name: reference }).click();
  await expect(page.getByTestId("request-answer")).toContainText(shared);
  // The requester learns it is the trust's decision record, but sees no reference or link to it.
  await expect(page.getByTestId("answer-decision")).toContainText("recorded this answer as a decision");
  await expect(page.getByTestId("request-answer").getByRole("link")).toHaveCount(0);
  await page.getByRole("button", { name: "Confirm receipt" }).click();
  await expect(page.getByText("You have confirmed that you received the answer.")).toBeVisible();
  await expect(page.getByTestId("request-history")).toContainText("Receipt confirmed by Tom Baker");
  await page.context().close();

  // Both organisations' audit logs show the exchange, including the teacher's views of the answer.
  await expectInBothAuditLogs(browser, reference, [
    "Sent a request for information to a partner",
    "Answered a request for information",
    "Viewed a request for information",
    "Confirmed receipt of a partner’s answer",
  ]);
});

/** Sends a request to the trust through the form as the person signed in on `page`; its reference. */
async function sendToTheTrust(page: Page, priority: "Red" | "Amber", caseReference: string): Promise<string> {
  await page.goto("/requests/new");
  return sendRequest(page, {
    partner: TRUST,
    priority,
    caseReference,
    // A name of its own: the other journey, beside it, finds its request by "Jamie Doe".
    childName: "Robin Roe",
    nhsNumber: "943 476 5919",
    why: "Robin said this morning he is hurt at home.",
    what: "Any injuries seen at the trust this year.",
    lawfulBasis: "Children Act 1989 section 47",
  });
}

/** Axe and reflow at 1280 and 320 px: these pages need a lead partner, whom accessibility.spec.ts has not. */
async function expectAccessibleAtBothWidths(page: Page, label: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const size = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect.soft(size.page, `${label} at ${width} px`).toBeLessThanOrEqual(size.window);
    await expectNoAxeViolations(page, {
      exclude: 'header nav[aria-label="Main"]',
      soft: true,
      context: `${label} ${width}`,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test(
  "a Red request goes overdue and is refused; the lead partners decide; the requester sees it",
  { tag: "@long" },
  async ({ browser }) => {
    test.setTimeout(300_000);
    const refusal = "Our records for this child are held by the community trust; please ask them.";
    const disagreement = "Robin named this trust's clinic; the delay leaves him at risk of significant harm.";
    const decision = "Necessary and proportionate to protect Robin: share the clinic's records today.";

    let page = await pageOf(browser, TEACHER);
    const reference = await sendToTheTrust(page, "Red", `RPS-${Date.now().toString(36).toUpperCase()}`);

    // The clock, controlled through the test database: the request's reminder and due time have passed,
    // so the runner escalates it to the trust's supervisors and schedules the lead partners' timer...
    const timersOf = (kinds: string[]) =>
      withDatabase((db) =>
        db.query(
          `UPDATE request_timer SET due_at = now() - interval '1 minute'
          WHERE kind = ANY($2) AND fired_at IS NULL
            AND request_id = (SELECT id FROM information_request WHERE reference = $1)`,
          [reference, kinds],
        ),
      );
    await timersOf(["REMIND", "ESCALATE"]);
    const leadTimer = () =>
      withDatabase(async (db) => {
        const rows = await db.query(
          `SELECT 1 FROM request_timer t JOIN information_request r ON r.id = t.request_id
          WHERE r.reference = $1 AND t.kind = 'ESCALATE_LEAD'`,
          [reference],
        );
        return rows.rowCount;
      });
    await expect.poll(leadTimer, { timeout: 30_000 }).toBe(1);
    // ...whose time has passed too: the request goes to the lead partners.
    await timersOf(["ESCALATE_LEAD"]);
    const escalations = () =>
      withDatabase(async (db) => {
        const rows = await db.query(
          `SELECT 1 FROM request_escalation e JOIN information_request r ON r.id = e.request_id WHERE r.reference = $1`,
          [reference],
        );
        return rows.rowCount;
      });
    await expect.poll(escalations, { timeout: 30_000 }).toBe(1);
    await page.reload();
    await expect(page.getByTestId("request-history")).toContainText("Escalated to the lead safeguarding partners");

    // The trust's contact team refuses.
    page = await nextPerson(browser, page, NURSE);
    await page.goto(`/requests/${reference}`);
    // Nothing held about the child, so no decision to make: the secondary answer (decision 032).
    await page.getByText("Answer without a decision record").click();
    await page.getByLabel("No, do not share it").check();
    await page.getByLabel("Why you are not sharing it").fill(refusal);
    await page.getByRole("button", { name: "Send the answer" }).click();
    await expect(page.getByText("Your answer has been sent.")).toBeVisible();

    // The teacher disagrees and takes the refusal to the lead partners.
    page = await nextPerson(browser, page, TEACHER);
    await page.goto(`/requests/${reference}`);
    await expect(page.getByTestId("request-answer")).toContainText(refusal);
    await page.getByLabel("Why do you disagree?").fill(disagreement);
    await page.getByRole("button", { name: "Escalate to the lead partners" }).click();
    await expect(page.getByText("The refusal has been taken to the lead safeguarding partners")).toBeVisible();
    await expect(page.getByTestId("request-escalations")).toContainText("Waiting for a decision");

    // A lead partner (the council's director, party to neither side) is told, reads it without the
    // child's identifiers, and decides.
    page = await nextPerson(browser, page, DIRECTOR);
    await page.goto("/notifications");
    await expect(page.getByText("A request has been escalated to you as a lead partner").first()).toBeVisible();
    // The list of escalated requests is scanned in accessibility.spec.ts (as a supervisor and an IG lead).
    await page.goto("/requests/escalated");
    await page.getByTestId("escalated-requests").getByRole("link", { name: reference }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Escalated request ${reference}`);
    await expect(page.getByText(refusal)).toBeVisible();
    await expect(page.getByText(disagreement)).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Robin Roe");
    await expect(page.locator("main")).not.toContainText("943 476 5919");
    await expectAccessibleAtBothWidths(page, "an escalated request");
    await page.getByLabel("Ask the partner to share the information").check();
    await page.getByLabel("The reasons for your decision").fill(decision);
    await page.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByText("Your decision has been recorded.")).toBeVisible();

    // The requester sees the outcome, and so does the trust.
    for (const email of [TEACHER, NURSE]) {
      page = await nextPerson(browser, page, email);
      await page.goto("/notifications");
      await expect(page.getByText("The lead partners have decided on a request").first()).toBeVisible();
      await page.goto(`/requests/${reference}`);
      const escalations = page.getByTestId("request-escalations");
      await expect(escalations).toContainText("The partner is asked to share");
      await expect(escalations).toContainText(decision);
      await expect(escalations).toContainText("Rachel Green");
      if (email === TEACHER) await expectAccessibleAtBothWidths(page, "a request with its escalation");
    }

    // Both parties' logs hold the decision.
    await expectInBothAuditLogs(browser, reference, [
      "Escalated an unanswered request to the lead safeguarding partners",
      "Took a partner’s refusal to the lead safeguarding partners",
      "Decided an escalated request as a lead safeguarding partner",
    ]);

    // The partnership's oversight, with figures (an IG lead of a member): charts, table twins and the CSV.
    page = await nextPerson(browser, page, TRUST_IG);
    await page.goto("/requests/oversight");
    await expect(page.getByTestId("oversight-by-agency")).toContainText("Northshire Health NHS Foundation Trust");
    await expect(page.getByTestId("oversight-escalations")).toContainText("The partner is asked to share");
    await expectAccessibleAtBothWidths(page, "partnership oversight with figures");
    const csv = await page.request.get("/requests/oversight/export");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Northshire Health NHS Foundation Trust,RED,4");
    await page.context().close();
  },
);
