// Issue 3: the decision record once saved — follow-ups (correction, reconsideration) are new linked
// records, the JSON download is for authorised users only and audited, and a saved decision cannot
// be changed through the app or by the app's database role.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { VALID } from "../../src/domain/wizard/test-fixtures";
import { USERS, signIn, withDatabase } from "./support";
import {
  INFORMATION_TEXT,
  SAFETY_TEXT,
  SECURITY_TEXT,
  answer,
  auditEvents,
  choose,
  decisionByReference,
  expectCheckAnswersPage,
  expectQuestionPage,
  fillDecision,
  recordDecision,
  recordDraft,
  signInAndRecordWithoutPurpose,
  recordRow,
  type,
  uniqueCaseReference,
  draftWithAnswers,
  withoutPurposeAnswers,
  yesterday,
  fillNotSharing,
} from "./wizard-helpers";

const AMY = USERS.schoolPractitioner2;

/** The whole stored row as JSON, to show it has not changed. */
/** The decision's row as stored, but for review_status: the one column a follow-up moves (decision 027). */
async function storedRow(reference: string): Promise<string> {
  const result = await withDatabase((db) =>
    db.query("SELECT to_jsonb(d) - 'review_status' AS row FROM decision d WHERE reference = $1", [reference]),
  );
  expect(result.rows).toHaveLength(1);
  return JSON.stringify(result.rows[0].row);
}

test("reconsidering and correcting add new records linked to the original, which stays unchanged", async ({ page }) => {
  const caseReference = uniqueCaseReference("FOLLOWUP");
  const rationale = "No safeguarding purpose was given for the housing officer's request.";
  const original = await signInAndRecordWithoutPurpose(page, USERS.practitioner, caseReference, rationale);
  const originalRow = await decisionByReference(original);
  const originalStored = await storedRow(original);

  // Reconsider: first what is new and which answer it changes (issue 11), then the wizard again from
  // that answer, in a draft prefilled with the original's answers except the decision and what follows it.
  await page.getByRole("link", { name: "Reconsider this decision" }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${original}/reconsider$`));
  const newInformation = "The housing officer has now explained the safeguarding concern.";
  await type(page, "What new information do you have?", newInformation);
  await choose(page, "Whether there is a clear and legitimate purpose", "Which earlier answer does it change?");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectQuestionPage(page, "purpose");
  await expect(page.getByTestId("progress")).toContainText(`Reconsider a decision ${original}`);
  await expect(page.getByRole("radio", { name: "No", exact: true })).toBeChecked();
  const reconsiderationDraft = /\/decisions\/drafts\/([^/]+)\//.exec(page.url())?.[1] ?? "";
  const draft = await withDatabase((db) =>
    db.query("SELECT kind, supersedes_id, answers FROM decision_draft WHERE id = $1", [reconsiderationDraft]),
  );
  expect(draft.rows[0]).toMatchObject({ kind: "RECONSIDERATION", supersedes_id: originalRow.id });
  const carried = { ...originalRow.record.answers };
  delete carried.decision;
  delete carried["not-sharing"];
  expect(draft.rows[0].answers).toEqual({ ...carried, reconsideration: { newInformation, changesStep: "purpose" } });
  await answer(page, "purpose", async () => {});
  await expectQuestionPage(page, "decision");
  await expect(
    page.getByText(`Give your decision and reasons afresh, including what has changed since ${original}.`),
  ).toBeVisible();
  await expect(page.getByLabel("Why have you made this decision?")).toHaveValue("");
  const newRationale =
    "The housing officer has now explained the safeguarding concern, but it is already known to social care.";
  await answer(
    page,
    "decision",
    fillDecision({ outcome: "Do not share", rationale: newRationale, purpose: "Housing application, reconsidered" }),
  );
  await answer(page, "not-sharing", fillNotSharing);
  await answer(page, "safety", async (p) => {
    await expect(p.getByRole("checkbox", { name: "No one's identity needs protecting" })).toBeChecked();
  });

  await expectCheckAnswersPage(page);
  await expect(page.getByText(`Follow-up to ${original}`)).toBeVisible();
  const reconsideration = await recordDecision(page);
  await expect(page.getByRole("heading", { name: "Reconsideration recorded" })).toBeVisible();
  expect(reconsideration).not.toBe(original);

  await page.getByRole("link", { name: "View or print the record" }).click();
  const record = page.getByTestId("decision-record");
  await expect(record).toContainText("Reconsideration record");
  await expect(record).toContainText(`This reconsideration follows ${original}`);
  await expect(recordRow(record, "Reasons")).toHaveText(newRationale);
  await record.getByRole("link", { name: original, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${original}$`));
  const followUps = page.getByTestId("follow-ups");
  await expect(followUps.getByRole("link", { name: reconsideration })).toBeVisible();
  await expect(followUps).toContainText("reconsideration");

  // Correct the original as well.
  await page.getByRole("button", { name: "Record a correction" }).click();
  await expectQuestionPage(page, "decision");
  await expect(page.getByTestId("progress")).toContainText(`Record a correction ${original}`);
  await answer(
    page,
    "decision",
    fillDecision({
      outcome: "Do not share",
      rationale: "Correcting the purpose: the request was for a school admission, not housing.",
      purpose: "School admission",
    }),
  );
  await answer(page, "not-sharing", fillNotSharing);
  // Safety comes last (the new order) and was carried over: it shows filled in, and is saved as it is.
  await answer(page, "safety", async (p) => {
    await expect(p.getByRole("checkbox", { name: "No one's identity needs protecting" })).toBeChecked();
  });
  const correction = await recordDecision(page);
  await expect(page.getByRole("heading", { name: "Correction recorded" })).toBeVisible();

  const reconsiderationRow = await decisionByReference(reconsideration);
  const correctionRow = await decisionByReference(correction);
  expect(reconsiderationRow).toMatchObject({
    kind: "RECONSIDERATION",
    supersedes_id: originalRow.id,
    case_reference: caseReference,
    outcome: "NO_SHARE",
  });
  expect(reconsiderationRow.record.rationale).toBe(newRationale);
  expect(correctionRow).toMatchObject({
    kind: "CORRECTION",
    supersedes_id: originalRow.id,
    case_reference: caseReference,
  });
  expect(correctionRow.record.purpose).toBe("School admission");
  // The original is exactly as it was.
  expect(await storedRow(original)).toBe(originalStored);
  const status = await withDatabase((db) =>
    db.query("SELECT review_status FROM decision WHERE reference = $1", [original]),
  );
  expect(status.rows[0].review_status).toBe("RECONSIDERED");

  await page.goto(`/decisions/${original}`);
  await expect(page.getByTestId("follow-ups").getByRole("link")).toHaveText([reconsideration, correction]);
  await page.goto(`/decisions/${correction}`);
  await expect(page.getByTestId("decision-record")).toContainText(`This correction follows ${original}`);

  // The record prints cleanly: the record itself, without navigation or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("decision-record")).toBeVisible();
  await expect(page.getByTestId("decision-record")).toContainText("What was shared and how");
  await expect(page.getByTestId("protective-marking")).toHaveText("OFFICIAL-SENSITIVE");
  for (const hidden of [
    // Each answer once: the wizard's own list of answers is for the screen, not the print.
    page.getByText("Every answer given in the wizard"),
    page.getByRole("banner"),
    page.getByRole("navigation", { name: "Main" }),
    page.getByRole("contentinfo"),
    page.getByRole("link", { name: "Download JSON" }),
    page.getByRole("button", { name: "Record a correction" }),
    page.getByRole("button", { name: "Reconsider this decision" }),
  ]) {
    await expect(hidden).toBeHidden();
  }
});

test("the record page shows every answer in plain English, not the stored codes", async ({ page }) => {
  // Fails today: the summary rows of the record page print stored values ("secure-email",
  // "information-governance-lead", "child, anonymous-referrer") and the decision date as
  // "2026-11-20", where the rest of the service shows labels and "20 November 2026".
  const advice = "Put together, the school, year group and dates would identify the family.";
  await signIn(page, USERS.schoolPractitioner);
  // Recorded from a draft made in the database (wizard-paths walks the "not sure" path): identifiable is
  // "no" after advice, which skips the concern, the child's views and the harm question (decision 023).
  const draftId = await draftWithAnswers(USERS.schoolPractitioner, {
    urgency: { immediateRisk: "no" },
    request: { origin: "own-initiative" },
    identifiable: { identifiable: "not-sure" },
    "identifiable-advice": { adviceFrom: "information-governance-lead", adviceGiven: advice, informedAnswer: "no" },
    purpose: { legitimatePurpose: "yes" },
    decision: {
      outcome: "SHARE",
      rationale: "Anonymised attendance figures help the partnership without identifying anyone.",
      purpose: "Partnership attendance review",
      decisionDate: yesterday().iso,
    },
    recipient: {
      recipientName: "Attendance team",
      recipientRole: "Analyst",
      recipientOrganisation: "Northshire Council",
    },
    "information-to-share": { ...VALID["information-to-share"], informationDescription: INFORMATION_TEXT },
    "sharing-method": { method: "secure-email", securityMeasures: SECURITY_TEXT },
    safety: {
      safetyConsiderations: SAFETY_TEXT,
      identitiesToProtect: ["child", "anonymous-referrer"],
      protectionSteps: "Only anonymised attendance figures are shared.",
    },
  });
  await recordDraft(page, draftId);
  const record = page.getByTestId("decision-record");

  await expect(recordRow(record, "Date of decision")).toHaveText(formatted(yesterday().iso));
  await record.getByText("Every answer given in the wizard").click();
  const shown = async (key: string) => (await recordRow(record, key).innerText()).trim();
  expect
    .soft(await shown("Advice sought"))
    .toBe(`The information governance lead or data protection officer: ${advice}`);
  expect.soft(await shown("Method and security")).toBe(`Secure email. ${SECURITY_TEXT}`);
  expect.soft(await shown("Identities protected")).toBe("The child, Someone who made a referral anonymously");
  expect.soft(await shown("Date of the decision")).toBe(formatted(yesterday().iso));
});

/** "2026-11-20" as the service writes dates elsewhere: "20 November 2026". */
function formatted(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

test("the JSON download is the record, for its author only, and each download is audited", async ({
  page,
  browser,
  playwright,
}) => {
  const caseReference = uniqueCaseReference("JSON");
  const rationale = "No safeguarding purpose was given, so the request for school records was declined.";
  const reference = await signInAndRecordWithoutPurpose(page, USERS.practitioner2, caseReference, rationale);
  const row = await decisionByReference(reference);
  expect(await auditEvents("decision.export", reference)).toHaveLength(0);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${reference}.json`);
  const body = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(body).toMatchObject({
    reference,
    kind: "ORIGINAL",
    supersedes: null,
    recordedBy: { name: "Jo Williams" },
    record: {
      reference,
      outcome: "NO_SHARE",
      rationale,
      caseReference,
      indication: "DO_NOT_SHARE",
      reviewFlags: ["NO_SHARE"],
    },
  });
  // The same data as the stored record.
  expect(body.record).toEqual(row.record);
  const exports = await auditEvents("decision.export", reference);
  expect(exports).toHaveLength(1);
  expect(exports[0]).toMatchObject({ actor_email: USERS.practitioner2, detail: { channel: "json" } });

  const direct = await page.request.get(`/api/decisions/${reference}`);
  expect(direct.status()).toBe(200);
  expect(direct.headers()["content-type"]).toContain("application/json");
  expect(direct.headers()["cache-control"]).toBe("no-store");
  expect(await auditEvents("decision.export", reference)).toHaveLength(2);

  // A practitioner of another organisation: not found, by page or by API, and nothing exported.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, USERS.schoolPractitioner);
  const otherApi = await other.request.get(`/api/decisions/${reference}`);
  expect(otherApi.status()).toBe(404);
  // The same answer as for a reference nobody holds: the route pipeline's failure body.
  expect(await otherApi.json()).toEqual({
    error: "Decision not found",
    errors: [{ field: "_form", message: "Decision not found" }],
  });
  const otherPage = await other.goto(`/decisions/${reference}`);
  expect(otherPage?.status()).toBe(404);
  await expect(other.getByTestId("decision-record")).toHaveCount(0);
  await expect(other.getByText(rationale)).toHaveCount(0);
  await otherContext.close();

  // Nobody signed in.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const unauthenticated = await anonymous.get(`/api/decisions/${reference}`);
  expect(unauthenticated.status()).toBe(401);
  expect(JSON.stringify(await unauthenticated.json())).not.toContain(rationale);
  await anonymous.dispose();

  const finalExports = await auditEvents("decision.export", reference);
  expect(finalExports.map((event) => event.actor_email)).toEqual([USERS.practitioner2, USERS.practitioner2]);
});

test("a saved decision cannot change: a double submit records once, stale pages and SQL refused", async ({ page }) => {
  const caseReference = uniqueCaseReference("ONCE");
  const rationale = "No safeguarding purpose was given, so the request was declined and recorded once.";
  await signIn(page, AMY);
  const draftId = await draftWithAnswers(AMY, withoutPurposeAnswers(caseReference, rationale));
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expectCheckAnswersPage(page);

  // Other tabs of the same session: one on check answers, one still on the decision question, one
  // left on check answers to replay the form later.
  const context = page.context();
  const twin = await context.newPage();
  await twin.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expectCheckAnswersPage(twin);
  const staleQuestion = await context.newPage();
  await staleQuestion.goto(`/decisions/drafts/${draftId}/decision`);
  await expectQuestionPage(staleQuestion, "decision");
  const replay = await context.newPage();
  await replay.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expectCheckAnswersPage(replay);

  // Both tabs submit at once.
  await Promise.all([
    page.getByRole("button", { name: "Record decision" }).click(),
    twin.getByRole("button", { name: "Record decision" }).click(),
  ]);
  await expect(page).toHaveURL(/\/confirmation$/);
  await expect(twin).toHaveURL(/\/confirmation$/);
  const reference = (await page.getByTestId("decision-reference").textContent())?.trim() ?? "";
  await expect(twin.getByTestId("decision-reference")).toHaveText(reference);

  const countForDraft = async () =>
    Number(
      (await withDatabase((db) => db.query("SELECT count(*) FROM decision WHERE draft_id = $1", [draftId]))).rows[0]
        .count,
    );
  expect(await countForDraft()).toBe(1);
  expect(await auditEvents("decision.record", reference)).toHaveLength(1);
  const stored = await storedRow(reference);

  // Replaying the form later gives the same decision back.
  await replay.getByRole("button", { name: "Record decision" }).click();
  await expect(replay).toHaveURL(new RegExp(`/decisions/${reference}/confirmation$`));

  // A question page left open from before cannot change anything now.
  await staleQuestion
    .getByLabel("Why have you made this decision?")
    .fill("Changing my mind after the decision was recorded, which must not work.");
  await staleQuestion.getByRole("button", { name: "Save and continue" }).click();
  await expect(staleQuestion.getByText(/not found|does not exist/i).first()).toBeVisible();

  // The draft's pages are gone and there is no edit page.
  for (const path of [
    `/decisions/drafts/${draftId}`,
    `/decisions/drafts/${draftId}/decision`,
    `/decisions/drafts/${draftId}/check-answers`,
    `/decisions/${reference}/edit`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // The record page offers follow-ups, never edits.
  await page.goto(`/decisions/${reference}`);
  const record = page.getByTestId("decision-record");
  await expect(record).toBeVisible();
  await expect(record.getByRole("link", { name: /^Change/ })).toHaveCount(0);
  await expect(record.getByRole("textbox")).toHaveCount(0);
  await expect(record.getByRole("radio")).toHaveCount(0);

  // The app's database role may not update or delete a decision, and no role can.
  await withDatabase(async (db) => {
    for (const statement of [
      "UPDATE decision SET outcome = 'SHARE', record = record || '{\"rationale\": \"tampered\"}' WHERE reference = $1",
      "DELETE FROM decision WHERE reference = $1",
    ]) {
      await db.query("BEGIN");
      await db.query("SET LOCAL ROLE infoshare_app");
      await expect(db.query(statement, [reference]), `as infoshare_app: ${statement}`).rejects.toThrow(
        /permission denied/,
      );
      await db.query("ROLLBACK");
      await expect(db.query(statement, [reference]), `as the owner: ${statement}`).rejects.toThrow(/append-only/);
    }
  });

  expect(await storedRow(reference)).toBe(stored);
  expect(await countForDraft()).toBe(1);
  const row = await decisionByReference(reference);
  expect(row.record.rationale).toBe(rationale);
  expect(await auditEvents("decision.record", reference)).toHaveLength(1);
});
