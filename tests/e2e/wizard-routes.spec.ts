// Issue 11 (decision 023): the wizard's new routes, from "Start now" to the record: an adult at
// risk, an aggregate request (no case reference, no harm question) and a reconsideration that starts
// again from the answer it changes. The emergency's time of action, asked first, is checked on
// wizard-paths' emergency path, which walks the same pages.
import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import {
  answer,
  answerSharingQuestions,
  fillRecipient,
  choose,
  chooseOnly,
  decisionByReference,
  expectQuestionPage,
  fillAboutInformation,
  fillConsentFrom,
  fillDecision,
  fillInformation,
  fillInforming,
  fillLawfulBasis,
  fillSharingMethod,
  fillRequest,
  fillUrgency,
  recordDecision,
  signInAndRecordWithoutPurpose,
  startDecision,
  stepUrl,
  tick,
  type,
  uniqueCaseReference,
} from "./wizard-helpers";

test.describe.configure({ timeout: 180_000 });

const SHARE = {
  outcome: "Share the information" as const,
  rationale: "The risk is current and the team needs the information to protect the person now.",
  purpose: "Safeguarding enquiry",
};
const DUTY_TEAM = { name: "Duty team", role: "Social worker", organisation: "Northshire Council" };

test("an adult at risk has their own questions, and no child's wishes page", { tag: "@long" }, async ({ page }) => {
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
