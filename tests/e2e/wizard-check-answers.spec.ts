// Issue 3: "Check your answers" — every answer has a Change link that returns there, and an
// answer that makes later questions irrelevant removes them from the page and from the draft.
import { expect, test } from "@playwright/test";
import { VALID, consentGivenShareAnswers } from "../../src/domain/wizard/test-fixtures";
import { USERS, signIn } from "./support";
import {
  CONSENT_LAWFUL_BASIS,
  answer,
  backLink,
  choose,
  decisionsForCase,
  draftAnswers,
  draftWithAnswers,
  expectCheckAnswersPage,
  expectQuestionPage,
  recordDecision,
  stepUrl,
  tick,
  type,
  uniqueCaseReference,
  expectStoredDecision,
} from "./wizard-helpers";

const SAVE_AND_RETURN = "Save and return to check your answers";

test("Change links return to check answers, and an answer that makes questions irrelevant removes them", async ({
  page,
}) => {
  const caseReference = uniqueCaseReference("CHANGE");
  await signIn(page, USERS.schoolPractitioner);
  // A consent-given share at check answers, made in the database (the walk is wizard-paths' subject),
  // on the lawful basis of the person's agreement: step 3 refuses it once consent is refused.
  const draftId = await draftWithAnswers(USERS.schoolPractitioner, {
    ...consentGivenShareAnswers(),
    concern: { ...VALID.concern, caseReference },
    "lawful-basis": CONSENT_LAWFUL_BASIS,
    decision: { ...VALID.decision, purpose: "Early help assessment" },
  });
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expectCheckAnswersPage(page);
  const main = page.getByRole("main");
  for (const question of [
    "Is the information confidential?",
    "Do you have consent to share?",
    "What is your lawful basis for sharing?",
  ]) {
    await expect(main).toContainText(question);
  }

  // 1. A Change link goes to its question, whose Back link and button both lead back here.
  await page.getByRole("link", { name: "Change is the information confidential?" }).click();
  await expectQuestionPage(page, "confidential");
  expect(page.url()).toContain("?return=check-answers");
  await expect(backLink(page)).toHaveAttribute("href", `/decisions/drafts/${draftId}/check-answers`);
  await expect(page.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await expect(page.getByRole("button", { name: "Save and continue" })).toHaveCount(0);
  await page.getByRole("button", { name: SAVE_AND_RETURN }).click();
  await expectCheckAnswersPage(page);

  // 2. Changing one field of a page with several.
  await page.getByRole("link", { name: "Change what is the purpose of sharing?" }).click();
  await expectQuestionPage(page, "decision");
  await expect(page.getByLabel("What is the purpose of sharing?")).toHaveValue("Early help assessment");
  await type(page, "What is the purpose of sharing?", "Early help assessment and support plan");
  await page.getByRole("button", { name: SAVE_AND_RETURN }).click();
  await expectCheckAnswersPage(page);
  await expect(main).toContainText("Early help assessment and support plan");
  expect((await draftAnswers(draftId))?.decision?.purpose).toBe("Early help assessment and support plan");

  // 3. A change that brings in a new question goes to it rather than back.
  await page.getByRole("link", { name: "Change do you have consent to share?" }).click();
  await expectQuestionPage(page, "consent");
  await page.getByRole("radio", { name: "No, consent was refused" }).check();
  await page.getByRole("button", { name: SAVE_AND_RETURN }).click();
  await expectQuestionPage(page, "other-lawful-reason");
  // Check answers is not reachable while a question is unanswered.
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expect(page).toHaveURL(stepUrl("other-lawful-reason"));
  await answer(page, "other-lawful-reason", async () => {
    await choose(page, "Yes", "Is there another lawful reason to share without consent?");
    await tick(page, ["My organisation's public functions"], "What is the lawful reason?");
  });
  // The lawful basis chosen earlier relied on consent, which has now been refused: recording is
  // refused with a link back to the lawful basis.
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  await expectCheckAnswersPage(page);
  await page.getByRole("button", { name: "Record decision" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("because consent was not given");
  expect(await decisionsForCase(caseReference)).toHaveLength(0);
  await summary.getByRole("link", { name: /because consent was not given/ }).click();
  await expectQuestionPage(page, "lawful-basis");
  await page
    .getByRole("group", { name: "Why is it right to set aside confidentiality?" })
    .getByRole("checkbox", { name: "The person agreed" })
    .uncheck();
  await tick(page, ["Public interest outweighs confidentiality"], "Why is it right to set aside confidentiality?");
  await page.getByRole("button", { name: SAVE_AND_RETURN }).click();
  await expectCheckAnswersPage(page);
  await expect(main).toContainText("Is there another lawful reason to share without consent?");

  // 4. "The information does not identify anyone" makes confidentiality, consent, the other lawful
  // reason, the lawful basis and telling the person irrelevant: gone from the page and the draft; so
  // are the concern (its case reference) and the harm question (decision 023).
  await page.getByRole("link", { name: "Change does the information let someone identify a living person?" }).click();
  await expectQuestionPage(page, "identifiable");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: SAVE_AND_RETURN }).click();
  await expectCheckAnswersPage(page);
  for (const question of [
    "Is the information confidential?",
    "Do you have consent to share?",
    "Is there another lawful reason to share without consent?",
    "What is your lawful basis for sharing?",
    "Will you tell the person, or their family, that you are sharing their information?",
  ]) {
    await expect(main).not.toContainText(question);
  }
  const answers = (await draftAnswers(draftId)) ?? {};
  expect(Object.keys(answers).sort()).toEqual(
    [
      "decision",
      "identifiable",
      "information-to-share",
      "purpose",
      "recipient",
      "request",
      "safety",
      "sharing-method",
      "urgency",
    ].sort(),
  );
  expect(answers.identifiable).toEqual({ identifiable: "no" });

  const reference = await recordDecision(page);
  const row = await expectStoredDecision(reference, {
    indication: "SHARE",
    outcome: "SHARE",
    consent_status: "NOT_NEEDED",
    lawful_basis_ids: [],
    review_flags: [],
  });
  expect(row.record.indicationReasonCodes).toEqual(["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "NOT_IDENTIFIABLE"]);
  expect(row.record.purpose).toBe("Early help assessment and support plan");
  expect(Object.keys(row.record.answers).sort()).toEqual(Object.keys(answers).sort());
});
