// Issue 11 (decision 023): the wizard's new routes, from "Start now" to the record: an adult at
// risk, an aggregate request (no case reference, no harm question), an emergency that records the
// time action was taken first, and a reconsideration that starts again from the answer it changes.
import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import {
  CHILD_VIEWS_TEXT,
  answer,
  answerSharingQuestions,
  fillRecipient,
  choose,
  chooseOnly,
  decisionByReference,
  expectQuestionPage,
  fillAboutInformation,
  fillConcern,
  fillConsentFrom,
  fillDecision,
  fillInformation,
  fillInforming,
  fillLawfulBasis,
  fillSharingMethod,
  fillRequest,
  fillUrgency,
  openRecordFromConfirmation,
  recordDecision,
  recordRow,
  signInAndRecordWithoutPurpose,
  startDecision,
  stepUrl,
  tick,
  type,
  uniqueCaseReference,
  yesterday,
} from "./wizard-helpers";

test.describe.configure({ timeout: 180_000 });

const SHARE = {
  outcome: "Share the information" as const,
  rationale: "The risk is current and the team needs the information to protect the person now.",
  purpose: "Safeguarding enquiry",
};
const DUTY_TEAM = { name: "Duty team", role: "Social worker", organisation: "Northshire Council" };

test("an adult at risk has their own questions, and no child's wishes page", async ({ page }) => {
  const caseReference = uniqueCaseReference("ADULT");
  await signIn(page, USERS.practitioner);
  await startDecision(page);
  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", fillRequest());
  await answer(page, "identifiable", chooseOnly("Yes"));
  await answer(page, "concern", async (p) => {
    await tick(p, ["Someone who may pose a risk of harm to a child"], "What is the concern about?");
    await choose(p, "An adult at risk", "Who is the information about?");
    await type(p, "Your organisation's case reference", caseReference);
  });
  await answer(page, "about-the-information", fillAboutInformation(["The adult at risk"]));
  // The child's wishes page is for children only: an adult at risk goes on to the harm question.
  await answer(page, "significant-harm", chooseOnly("Yes"));
  await answer(page, "adult-at-risk", async (p) => {
    await choose(p, "Yes", "Does the adult have needs for care and support?");
    await choose(
      p,
      "Yes",
      "Because of those needs, are they unable to protect themselves from abuse, neglect or harm?",
    );
    await choose(
      p,
      "No, they cannot make this decision, and I will act in their best interests",
      "Do they have the mental capacity to decide about sharing this information?",
    );
  });
  await answer(page, "confidential", chooseOnly("Yes"));
  await answer(page, "consent-from", fillConsentFrom("adult"));
  await answer(page, "consent", chooseOnly("No, consent was refused"));
  // The decision comes straight after the flowchart has indicated.
  await expectQuestionPage(page, "decision");
  await answer(page, "decision", fillDecision(SHARE));
  await expectQuestionPage(page, "lawful-basis");
  await expect(page.getByText("Likely to apply:").first()).toBeVisible();
  await answer(page, "lawful-basis", async (p) => {
    await fillLawfulBasis({
      article6: "Public task",
      specialCategory: {
        article9: ["Substantial public interest"],
        schedule1: ["Safeguarding of children and individuals at risk"],
      },
      commonLaw: ["Public interest outweighs confidentiality"],
    })(p);
    // The concern is about someone who may pose a risk: the criminal offence data question must be answered.
    await choose(p, "Yes", "Does the information include criminal offence data? (optional)");
  });
  await answerSharingQuestions(page, {
    recipient: DUTY_TEAM,
    informing: fillInforming("Telling them could put them at greater risk."),
  });
  const reference = await recordDecision(page);
  const row = await decisionByReference(reference);
  expect(row.record.answers["child-views"]).toBeUndefined();
  expect(row.record.consentFrom).toEqual({ from: "adult" });
});

test("an aggregate request needs no case reference and no harm question", async ({ page }) => {
  await signIn(page, USERS.practitioner);
  await startDecision(page);
  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", fillRequest({ role: "Analyst", organisation: "Northshire Safeguarding Partnership" }));
  await answer(page, "identifiable", chooseOnly("No"));
  // No concern (case reference), no child's wishes, no significant-harm page.
  await answer(page, "purpose", chooseOnly("Yes"));
  await answer(page, "decision", fillDecision({ ...SHARE, purpose: "Quarterly referral numbers" }));
  await answer(page, "recipient", fillRecipient(DUTY_TEAM));
  await answer(page, "information-to-share", fillInformation);
  await answer(page, "sharing-method", fillSharingMethod);
  await answer(page, "safety", async (p) => {
    await type(p, "Effect on safety and well-being", "No one can be identified from these counts.");
    await tick(p, ["No one's identity needs protecting"], "Whose identity needs protecting?");
  });
  const reference = await recordDecision(page);
  const row = await decisionByReference(reference);
  expect(row.case_reference).toBe("");
  expect(row.record.identifiesSomeone).toBe(false);
  expect(row.record.answers["significant-harm"]).toBeUndefined();
});

test("an emergency records the time action was taken first, then the rest", async ({ page }) => {
  const caseReference = uniqueCaseReference("EMERG");
  await signIn(page, USERS.practitioner);
  await startDecision(page);
  await answer(page, "urgency", fillUrgency("Yes"));
  const date = yesterday();
  await answer(page, "emergency-action", async (p) => {
    const group = p.getByRole("group", { name: "Date action was taken", exact: true });
    await group.getByLabel("Day", { exact: true }).fill(date.day);
    await group.getByLabel("Month", { exact: true }).fill(date.month);
    await group.getByLabel("Year", { exact: true }).fill(date.year);
    await type(p, "Time action was taken", "14:30");
    await tick(p, ["Called 999", "Contacted children's social care"], "What did you do?");
    await type(p, "What happened?", "Police attended within ten minutes; the duty social worker was told by phone.");
  });
  await answer(page, "request", fillRequest());
  await answer(page, "identifiable", chooseOnly("Yes"));
  await answer(page, "concern", fillConcern(caseReference));
  await answer(page, "about-the-information", fillAboutInformation());
  await answer(page, "child-views", (p) => type(p, "What are the child's wishes and feelings?", CHILD_VIEWS_TEXT));
  await answer(page, "confidential", chooseOnly("Yes"));
  await answer(page, "consent-from", fillConsentFrom("parent"));
  await answer(page, "consent", async (p) => {
    await choose(p, "No, I have not asked for consent");
    await choose(p, "Asking would cause a delay that could harm the child", "Why have you not asked for consent?");
  });
  await answer(page, "decision", fillDecision(SHARE));
  await answer(
    page,
    "lawful-basis",
    fillLawfulBasis({ article6: "Vital interests", commonLaw: ["Public interest outweighs confidentiality"] }),
  );
  await answerSharingQuestions(page, {
    recipient: { name: "Control room", role: "Call handler", organisation: "Police" },
    informing: fillInforming("Telling the carer could put the child at risk."),
  });
  const reference = await recordDecision(page);
  const record = await openRecordFromConfirmation(page, reference);
  await expect(recordRow(record, "Emergency action taken")).toContainText("14:30");
  const row = await decisionByReference(reference);
  expect(row.record.emergencyAction).toMatchObject({ takenAt: { date: date.iso, time: "14:30" } });
});

test("reconsidering with new information starts again from the answer it changes", async ({ page }) => {
  const caseReference = uniqueCaseReference("RECON");
  // The decision reconsidered, recorded from a draft made in the database: reconsidering is this test's subject.
  const rationale = "There is no safeguarding purpose: the request was for a housing application.";
  const original = await signInAndRecordWithoutPurpose(page, USERS.practitioner, caseReference, rationale);

  await page.getByRole("link", { name: "Reconsider this decision" }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${original}/reconsider$`));
  await type(
    page,
    "What new information do you have?",
    "The school has since reported bruising and two unexplained absences this week.",
  );
  await choose(page, "Whether there is significant harm", "Which earlier answer does it change?");
  await page.getByRole("button", { name: "Continue" }).click();
  // Straight to the question it changes, with the earlier answer filled in.
  await expectQuestionPage(page, "significant-harm");
  await expect(page.getByRole("radio", { name: "No", exact: true })).toBeChecked();
  await answer(page, "significant-harm", chooseOnly("Yes"));
  // At significant harm the purpose page is skipped (016): the walk goes on to confidential.
  await expect(page).toHaveURL(stepUrl("confidential"));
  // The original is kept as it was.
  expect((await decisionByReference(original)).outcome).toBe("NO_SHARE");
});
