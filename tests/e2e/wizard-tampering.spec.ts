// Issue 3 acceptance: invalid or tampered form posts (unknown fields, wrong types, skipping steps,
// someone else's draft id) get a clear error and store nothing.
//
// Two ways of tampering, both from a signed-in browser: altering the form in the page before it is
// submitted (extra inputs, changed values), and rewriting the server action's request on the wire
// (the draft id and step id the form is bound to travel in its body).
import { type Browser, type Page, expect, test } from "@playwright/test";
import { USERS, signIn, withDatabase } from "./support";
import {
  answer,
  choose,
  chooseOnly,
  decisionsFromDraft,
  draftRow,
  draftWithAnswers,
  expectQuestionPage,
  fillConcern,
  fillDecision,
  fillRequest,
  fillUrgency,
  routineOpeningAnswers,
  startDecision,
  stepUrl,
  uniqueCaseReference,
} from "./wizard-helpers";

const AMY = USERS.schoolPractitioner2;
const SAVE = "Save and continue";

async function draftSaves(draftId: string): Promise<number> {
  const result = await withDatabase((db) =>
    db.query<{ count: string }>("SELECT count(*) FROM audit_event WHERE action = 'draft.save' AND object_id = $1", [
      draftId,
    ]),
  );
  return Number(result.rows[0]?.count);
}

/** What is stored for a draft, to show that a refused post changed nothing. */
async function snapshot(draftId: string) {
  const row = await draftRow(draftId);
  return {
    answers: row?.answers,
    updatedAt: row?.updated_at.toISOString(),
    saves: await draftSaves(draftId),
    decisions: await decisionsFromDraft(draftId),
  };
}

/** Adds an input to the question's form, as someone editing the page would. */
async function addInput(page: Page, name: string, value: string): Promise<void> {
  await page.locator("form#step-form").evaluate(
    (form, field) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = field.name;
      input.value = field.value;
      form.appendChild(input);
    },
    { name, value },
  );
}

/**
 * Rewrites the next server action the page posts. The bound arguments (draft id, step id) are in
 * the request body, so this is what a hand-crafted request could send. Other requests (the
 * router's prefetches) pass untouched.
 */
async function rewriteNextAction(page: Page, rewrite: (body: string) => string): Promise<void> {
  let rewritten = false;
  await page.route(
    (url) => url.pathname.startsWith("/decisions/drafts/"),
    async (route) => {
      const request = route.request();
      if (rewritten || request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
      rewritten = true;
      const body = request.postData() ?? "";
      // A page loaded in full also carries the bound arguments in React's no-JavaScript fields;
      // rewrite functions replace every occurrence so both say the same.
      const tampered = rewrite(body);
      expect(tampered, "the tampering changed the request").not.toBe(body);
      await route.continue({ postData: tampered });
    },
  );
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("an unknown extra field is refused with a clear error and nothing is stored", async ({ page }) => {
  await signIn(page, USERS.schoolPractitioner);
  const draftId = await startDecision(page);
  await expectQuestionPage(page, "urgency");
  const before = await snapshot(draftId);

  await choose(page, "No");
  await addInput(page, "role", "ADMIN");
  await page.getByRole("button", { name: SAVE }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("The form contained information it should not have. Go back and try again");
  await expect(page).toHaveURL(stepUrl("urgency"));
  expect(await snapshot(draftId)).toEqual(before);
  expect(before.answers).toEqual({});

  // The same answer without the extra field is accepted.
  await page.reload();
  await answer(page, "urgency", fillUrgency("No"));
  await expectQuestionPage(page, "request");
  expect((await draftRow(draftId))?.answers).toEqual({ urgency: { immediateRisk: "no" } });
});

test("values of the wrong type or outside the options are refused and nothing is stored", async ({ page }) => {
  const caseReference = uniqueCaseReference("TYPES");
  await signIn(page, USERS.schoolPractitioner);
  const draftId = await startDecision(page);
  let before = await snapshot(draftId);

  // A radio button whose value is not one of the options.
  // (Changed after checking it: React puts a radio's value back when it handles the click.)
  const no = page.getByRole("radio", { name: "No", exact: true });
  await no.check();
  await no.evaluate((radio) => ((radio as HTMLInputElement).value = "maybe"));
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "Select whether a child is at immediate risk of significant harm",
  );
  await expect(page.locator("#immediateRisk-error")).toContainText(
    "Select whether a child is at immediate risk of significant harm",
  );
  expect(await snapshot(draftId)).toEqual(before);

  await page.reload();
  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", fillRequest());
  await answer(page, "identifiable", chooseOnly("Yes"));
  await expectQuestionPage(page, "concern");
  before = await snapshot(draftId);

  // A list where one value is expected (the case reference posted twice), and a checkbox value
  // that is not an option.
  await fillConcern(caseReference)(page);
  await addInput(page, "caseReference", "SECOND-REF");
  await page
    .getByRole("checkbox", { name: "The child's health or development, or their exposure to possible harm" })
    .evaluate((box) => ((box as HTMLInputElement).value = "anything-i-like"));
  await page.getByRole("button", { name: SAVE }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Select what the concern is about");
  await expect(summary).toContainText("Enter your organisation's case reference");
  await expect(page).toHaveURL(stepUrl("concern"));
  expect(await snapshot(draftId)).toEqual(before);
  expect(Object.keys(before.answers ?? {}).sort()).toEqual(["identifiable", "request", "urgency"]);
});

test("no skipping questions: later addresses go to the first unanswered one, later posts refused", async ({ page }) => {
  const caseReference = uniqueCaseReference("SKIP");
  await signIn(page, AMY);
  const draftId = await startDecision(page);
  await answer(page, "urgency", fillUrgency("No"));
  await expectQuestionPage(page, "request");

  // Visiting a later question, or check answers, leads to the first one still to answer.
  for (const later of ["concern", "consent", "lawful-basis", "decision", "departure-reason", "check-answers"]) {
    await page.goto(`/decisions/drafts/${draftId}/${later}`);
    await expect(page, `visiting ${later}`).toHaveURL(stepUrl("request"));
  }
  await expectQuestionPage(page, "request");
  const unknown = await page.goto(`/decisions/drafts/${draftId}/not-a-question`);
  expect(unknown?.status()).toBe(404);

  // Posting a later question from this page (the step id rewritten in the request) is refused.
  await page.goto(`/decisions/drafts/${draftId}/request`);
  let before = await snapshot(draftId);
  await rewriteNextAction(page, (body) => body.replaceAll(`"${draftId}","request"`, `"${draftId}","decision"`));
  await fillRequest()(page);
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Answer the earlier questions first");
  await expect(page).toHaveURL(stepUrl("request"));
  expect(await snapshot(draftId)).toEqual(before);

  // Posting a question the answers have ruled out is refused too: with no legitimate purpose,
  // consent never arises. A draft answered up to the purpose (made in the database), on its decision
  // question: the decision comes as soon as the flowchart has indicated (decision 023).
  const ruledOutDraft = await draftWithAnswers(AMY, {
    ...routineOpeningAnswers(caseReference),
    "significant-harm": { significantHarm: "no" },
    purpose: { legitimatePurpose: "no" },
  });
  await page.goto(`/decisions/drafts/${ruledOutDraft}/decision`);
  await expectQuestionPage(page, "decision");
  before = await snapshot(ruledOutDraft);
  await rewriteNextAction(page, (body) =>
    body.replaceAll(`"${ruledOutDraft}","decision"`, `"${ruledOutDraft}","consent"`),
  );
  await fillDecision({
    outcome: "Do not share",
    rationale: "The request was for general background with no safeguarding purpose behind it.",
    purpose: "Background",
  })(page);
  await page.getByRole("button", { name: SAVE }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "This question does not apply to the answers you have given",
  );
  expect(await snapshot(ruledOutDraft)).toEqual(before);
  expect(Object.keys(before.answers ?? {})).not.toContain("consent");
});

test("someone else's draft is not found, by address or by a rewritten post, and is left untouched", async ({
  page,
  browser,
}) => {
  // Tom's draft, one question answered (made in the database: only what others can do to it matters here).
  const tomsDraft = await draftWithAnswers(USERS.schoolPractitioner, { urgency: { immediateRisk: "yes" } });
  const tomsBefore = await snapshot(tomsDraft);

  // A colleague in the same school, and a practitioner in another organisation, get "not found".
  const amy = page;
  await signIn(amy, AMY);
  const sam = await signedInPage(browser, USERS.practitioner);
  for (const other of [amy, sam]) {
    for (const path of ["", "/urgency", "/request", "/check-answers"]) {
      const response = await other.goto(`/decisions/drafts/${tomsDraft}${path}`);
      expect(response?.status(), `${path} for another practitioner`).toBe(404);
      await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(other.getByRole("button", { name: SAVE })).toHaveCount(0);
    }
  }
  const malformed = await amy.goto("/decisions/drafts/not-a-draft-id/urgency");
  expect(malformed?.status()).toBe(404);

  // Amy posts her own question page with Tom's draft id in place of hers.
  const amysDraft = await startDecision(amy);
  await expectQuestionPage(amy, "urgency");
  const amysBefore = await snapshot(amysDraft);
  await rewriteNextAction(amy, (body) => body.replaceAll(`"${amysDraft}","urgency"`, `"${tomsDraft}","urgency"`));
  await choose(amy, "No");
  await amy.getByRole("button", { name: SAVE }).click();
  await expect(amy.getByRole("heading", { level: 1 })).not.toHaveText(
    "Is a child at immediate risk of significant harm?",
  );
  await expect(amy.getByText(/not found|does not exist/i).first()).toBeVisible();

  expect(await snapshot(tomsDraft)).toEqual(tomsBefore);
  expect(await snapshot(amysDraft)).toEqual(amysBefore);
  expect((await draftRow(tomsDraft))?.answers).toEqual({ urgency: { immediateRisk: "yes" } });
  await sam.context().close();
});
