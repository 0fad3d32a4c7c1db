// Issue 3 acceptance: Playwright walks the flowchart's paths from "Start now" to the record page,
// and checks what the record page and the stored row contain (accessibility: accessibility.spec.ts).
import { expect, test } from "@playwright/test";
import type { WizardAnswers } from "../../src/domain/wizard/answers";
import { USERS, signIn, signInThroughForm, signOut } from "./support";
import {
  INFORMATION_TEXT,
  SECURITY_TEXT,
  answer,
  answerSharingQuestions,
  answerShareWithoutConsent,
  answerUpToConsent,
  EARLY_HELP_WORKER,
  backLink,
  choose,
  chooseOnly,
  draftAnswers,
  draftWithAnswers,
  expectCheckAnswersPage,
  expectIndicated,
  expectQuestionPage,
  fillConcern,
  fillDecision,
  fillDepartureReason,
  fillInforming,
  fillLawfulBasis,
  fillRequest,
  fillSafety,
  fillUrgency,
  openRecordFromConfirmation,
  progressOf,
  recordDecision,
  expectRecordRows,
  startDecision,
  startRoutinePath,
  submitExpectingErrors,
  tick,
  type,
  uniqueCaseReference,
  yesterday,
  fillConsentFrom,
  fillNotSharing,
  fillAboutInformation,
  fillChildViews,
  fillEmergencyAction,
  showAllBases,
  CHILD_VIEWS_TEXT,
  expectStoredDecision,
} from "./wizard-helpers";

const AMY = USERS.schoolPractitioner2;
const JO = USERS.practitioner2;

test("consent given: the practitioner shares in full and the record says so", async ({ page }) => {
  const caseReference = uniqueCaseReference("CONSENT");
  const rationale = "The parent agreed, and the early help team needs attendance data to plan support.";
  await startRoutinePath(page, USERS.schoolPractitioner, caseReference, {
    name: "Dee Khan",
    role: "Early help worker",
    organisation: "Northshire Council",
  });
  await answerUpToConsent(page, "Yes, consent has been given");
  // Consent given ends the flowchart at "you can share": there is no "other lawful reason" question,
  // and the decision is asked at once (decision 023).
  await expectIndicated(page, "decision", "The flowchart indicates: you can share");
  await answer(
    page,
    "decision",
    fillDecision({
      outcome: "Share the information",
      rationale,
      purpose: "Early help assessment",
    }),
  );
  await answer(page, "lawful-basis", fillLawfulBasis({ article6: "Public task", commonLaw: ["The person agreed"] }));
  await answerSharingQuestions(page, { recipient: EARLY_HELP_WORKER });

  await expectCheckAnswersPage(page);
  await expect(page.getByText("Your decision departs from what the flowchart indicates")).toHaveCount(0);
  const reference = await recordDecision(page);
  await expect(page.getByRole("heading", { name: "Decision recorded" })).toBeVisible();
  const record = await openRecordFromConfirmation(page, reference);

  await expect(record.getByRole("heading", { level: 1 })).toContainText(reference);
  await expectRecordRows(record, {
    Decision: "Share in full",
    Reasons: rationale,
    "Purpose of sharing": "Early help assessment",
    Recipient: "Dee Khan, Early help worker, Northshire Council",
    "Case reference": caseReference,
    Urgency: "Not an emergency",
    "Request or own initiative": "Request from Dee Khan, Early help worker, Northshire Council",
    Indication: "You can share",
    "Departs from the indication": "No",
    Consent: "Consent given",
    "Lawful basis": ["Public task", "The person agreed"],
    "Special category data": "No",
    "Advice sought": "None",
    Information: INFORMATION_TEXT,
    "Method and security": [SECURITY_TEXT],
    "Person told": "Yes",
    "Flags for review": "None",
    "Recorded by": ["Tom Baker"],
    "Made under": expect.stringMatching(/\S/),
    "Is the information confidential?": "Yes",
  });

  const row = await expectStoredDecision(reference, {
    kind: "ORIGINAL",
    supersedes_id: null,
    case_reference: caseReference,
    author_email: USERS.schoolPractitioner,
    urgency: "ROUTINE",
    origin: "REQUEST",
    indication: "SHARE",
    outcome: "SHARE",
    departs_from_indication: false,
    child_at_risk: false,
    review_flags: [],
    consent_status: "GIVEN",
    lawful_basis_ids: ["art6-1-e", "common-law-consent"],
  });
  expect(row.record).toMatchObject({
    reference,
    caseReference,
    outcome: "SHARE",
    indication: "SHARE",
    rationale,
    purpose: "Early help assessment",
    departure: null,
    adviceSought: [],
    consent: { status: "GIVEN" },
    decisionDate: yesterday().iso,
    recipient: { name: "Dee Khan", role: "Early help worker", organisation: "Northshire Council" },
    lawfulBases: { ids: ["art6-1-e", "common-law-consent"], specialCategory: false },
    indicationReasonCodes: ["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "IDENTIFIABLE", "CONFIDENTIAL", "CONSENT_GIVEN"],
  });
  expect(row.record.answers.consent).toEqual({ consent: "given" });
  expect(Object.keys(row.record.answers)).not.toContain("other-lawful-reason");

  // The decision is listed in "Your decisions" and found by its reference; the draft is gone.
  await page.goto("/decisions");
  await page.getByLabel("Search by decision reference or case reference").fill(reference.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  const decisions = page.getByTestId("decisions-table");
  await expect(decisions.getByRole("row")).toHaveCount(2);
  await expect(decisions).toContainText(caseReference);
  await expect(decisions).toContainText("Share in full");
  await expect(page.getByTestId("drafts-empty")).toBeVisible();
});

test("consent refused but a child at risk of significant harm: shared on a recorded lawful basis", async ({ page }) => {
  const caseReference = uniqueCaseReference("OVERRIDE");
  const rationale =
    "The child has disclosed physical harm at home; the police need this for a joint section 47 enquiry.";
  const notTelling = "Telling the parent before the strategy meeting could place the child at greater risk of harm.";
  await startRoutinePath(page, USERS.practitioner, caseReference, {
    role: "Detective constable",
    organisation: "Northshire Police",
  });
  await answer(page, "significant-harm", chooseOnly("Yes"));
  // Significant harm answers "is there a legitimate purpose?" itself (decision 016).
  await answer(page, "confidential", chooseOnly("Yes"));
  await answer(page, "consent-from", fillConsentFrom());
  await answer(page, "consent", chooseOnly("No, consent was refused"));

  // A child at risk of significant harm answers "is there another lawful reason?" on its own:
  // the wizard goes straight to the decision.
  await expectIndicated(
    page,
    "decision",
    "The flowchart indicates: you can share",
    "A child is at risk of significant harm",
  );
  await answer(
    page,
    "decision",
    fillDecision({
      outcome: "Share the information",
      rationale,
      purpose: "Joint section 47 enquiry",
    }),
  );
  await expectQuestionPage(page, "lawful-basis");
  // Consent cannot be the basis when it was refused; Article 9(2)(g) needs its Schedule 1
  // condition; confidential information needs a common-law justification.
  await showAllBases(page);
  await choose(page, "Consent", "UK GDPR Article 6 lawful basis");
  await choose(page, "Yes", "Does the information include special category data?");
  await tick(page, ["Substantial public interest"], "UK GDPR Article 9 condition");
  await submitExpectingErrors(page, [
    "You cannot rely on consent",
    "Select the Data Protection Act 2018 Schedule 1 condition that goes with",
    "Select why sharing this confidential information is justified",
  ]);
  await answer(
    page,
    "lawful-basis",
    fillLawfulBasis({
      article6: "Public task",
      specialCategory: {
        article9: ["Substantial public interest"],
        schedule1: ["Safeguarding of children and individuals at risk"],
      },
      commonLaw: ["Public interest outweighs confidentiality"],
      statutoryGateways: ["Child protection enquiries"],
    }),
  );
  await answerSharingQuestions(page, {
    recipient: { name: "DC Lee", role: "Detective constable", organisation: "Northshire Police" },
    safety: fillSafety({
      who: ["A neighbour or member of the public"],
      steps: "The neighbour who raised the alarm is not named in what is shared.",
    }),
    informing: fillInforming(notTelling),
  });

  const reference = await recordDecision(page);
  await expect(page.getByTestId("flagged")).toContainText("shared without consent");
  const record = await openRecordFromConfirmation(page, reference);
  await expectRecordRows(record, {
    Decision: "Share in full",
    Reasons: rationale,
    Indication: "You can share",
    Why: ["public interest in protecting them will usually outweigh"],
    "Departs from the indication": "No",
    Consent: "Consent refused, and overridden",
    "Special category data": "Yes",
    "Lawful basis": [
      "Public task",
      "Substantial public interest",
      "Safeguarding of children and individuals at risk",
      "Public interest outweighs confidentiality",
      "Child protection enquiries",
    ],
    "Person told": `No. ${notTelling}`,
    "Flags for review": "Shared without consent",
  });

  const row = await expectStoredDecision(reference, {
    case_reference: caseReference,
    author_email: USERS.practitioner,
    urgency: "ROUTINE",
    origin: "REQUEST",
    indication: "SHARE",
    outcome: "SHARE",
    child_at_risk: true,
    departs_from_indication: false,
    review_flags: ["SHARED_WITHOUT_CONSENT"],
    consent_status: "REFUSED_OVERRIDDEN",
    lawful_basis_ids: ["art6-1-e", "art9-2-g", "dpa-sch1-para-18", "common-law-public-interest", "ca1989-s47"],
  });
  expect(row.record).toMatchObject({
    outcome: "SHARE",
    rationale,
    departure: null,
    consent: { status: "REFUSED_OVERRIDDEN" },
    lawfulBases: { specialCategory: true },
    personInformed: { informed: false, reasonNotInformed: notTelling },
  });
  expect(row.record.indicationReasonCodes).toContain("CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES");
  expect(Object.keys(row.record.answers)).not.toContain("other-lawful-reason");
});

test("no legitimate purpose: do not share, with no departure and no sharing questions", async ({ page }) => {
  const caseReference = uniqueCaseReference("NOPURPOSE");
  const rationale = "The request was for general background with no safeguarding purpose behind it.";
  await signIn(page, JO);
  await startDecision(page);

  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", fillRequest({ role: "Housing officer", organisation: "Northshire Homes" }));
  await answer(page, "identifiable", chooseOnly("Yes"));
  // The child is identified only by a case reference: one that looks like a date of birth is refused.
  await expectQuestionPage(page, "concern");
  await fillConcern("12/03/2015")(page);
  await submitExpectingErrors(page, ["Case reference looks like a date"]);
  await answer(page, "concern", fillConcern(caseReference));
  await answer(page, "about-the-information", fillAboutInformation());
  await answer(page, "child-views", fillChildViews);
  await answer(page, "significant-harm", chooseOnly("No"));
  await expectQuestionPage(page, "purpose");
  const before = await progressOf(page);
  await answer(page, "purpose", chooseOnly("No"));

  // "No purpose" ends the flowchart: confidential, consent and every sharing page drop out, and the
  // decision is asked at once (decision 023).
  await expectQuestionPage(page, "decision");
  const after = await progressOf(page);
  expect(after.position).toBe(before.position + 1);
  expect(after.total).toBeLessThan(before.total);
  await expect(page.getByTestId("indication")).toContainText("The flowchart indicates: do not share");
  // The rationale needs substance, and the purpose is required even when not sharing.
  await choose(page, "Do not share", "Your decision");
  await type(page, "Why have you made this decision?", "Not needed.");
  await submitExpectingErrors(page, [
    "Reasons for your decision must be 40 characters or more",
    "Enter the purpose of sharing",
    "Enter the date of the decision",
  ]);
  // A decision cannot be dated in the future.
  await fillDecision({ outcome: "Do not share", rationale, purpose: "Background for a housing application" })(page);
  const future = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const dateGroup = page.getByRole("group", { name: "Date of the decision", exact: true });
  await dateGroup.getByLabel("Day").fill(String(future.getUTCDate()));
  await dateGroup.getByLabel("Month").fill(String(future.getUTCMonth() + 1));
  await dateGroup.getByLabel("Year").fill(String(future.getUTCFullYear()));
  await submitExpectingErrors(page, ["Date of the decision must be today or in the past"]);
  await answer(
    page,
    "decision",
    fillDecision({ outcome: "Do not share", rationale, purpose: "Background for a housing application" }),
  );
  await answer(page, "not-sharing", fillNotSharing);
  // Safety and well-being is asked last, after a share or not: the section after the decision's.
  await expectQuestionPage(page, "safety");
  expect(await progressOf(page)).toEqual({ position: after.position + 1, total: after.total });
  await answer(page, "safety", fillSafety());

  await expectCheckAnswersPage(page);
  await expect(page.getByTestId("indication")).toContainText("do not share");
  await expect(page.getByText("Your decision departs from what the flowchart indicates")).toHaveCount(0);
  const reference = await recordDecision(page);
  await expect(
    page.getByText("If the person who asked for the information disagrees, they can escalate it."),
  ).toBeVisible();
  const record = await openRecordFromConfirmation(page, reference);
  await expectRecordRows(record, {
    Decision: "Do not share",
    Reasons: rationale,
    Recipient: "Not recorded",
    Indication: "Do not share",
    "Departs from the indication": "No",
    "Lawful basis": "None needed",
    Consent: "Consent not needed",
    Information: "Nothing shared",
    "Method and security": "Not applicable",
    "Flags for review": "Not shared",
  });
  await expect(record.getByText("Reason for departing")).toHaveCount(0);

  const row = await expectStoredDecision(reference, {
    case_reference: caseReference,
    author_email: JO,
    indication: "DO_NOT_SHARE",
    outcome: "NO_SHARE",
    departs_from_indication: false,
    review_flags: ["NO_SHARE"],
    consent_status: "NOT_NEEDED",
    lawful_basis_ids: [],
  });
  expect(row.record).toMatchObject({
    outcome: "NO_SHARE",
    rationale,
    departure: null,
    recipient: null,
    informationShared: null,
    sharingMethod: null,
    lawfulBases: null,
  });
  expect(row.record.indicationReasonCodes).toEqual(["NO_IMMEDIATE_RISK", "NO_LEGITIMATE_PURPOSE"]);
  expect(Object.keys(row.record.answers).sort()).toEqual([
    "about-the-information",
    "child-views",
    "concern",
    "decision",
    "identifiable",
    "not-sharing",
    "purpose",
    "request",
    "safety",
    "significant-harm",
    "urgency",
  ]);
});

// A long journey (decision 011, suitewiz8): the advice page's place and section are unit-tested
// (src/domain/wizard/path.test.ts, sections.test.ts), the stored advice and its indication reasons too
// (src/domain/decision/record.test.ts, src/domain/flowchart/evaluate.test.ts), the record's "Advice sought"
// row by wizard-records' plain-English test, and the advice pages are scanned by accessibility.spec.ts.
test(
  "not sure: the practitioner seeks advice, records it, and continues; the advice is in the record",
  { tag: "@long" },
  async ({ page }) => {
    const caseReference = uniqueCaseReference("ADVICE");
    const advice =
      "Health details given at a school nurse drop-in were given in confidence, so treat them as confidential.";
    await startRoutinePath(page, AMY, caseReference);
    await answer(page, "significant-harm", chooseOnly("No"));
    await answer(page, "purpose", chooseOnly("Yes"));
    await expectQuestionPage(page, "confidential");
    const before = await progressOf(page);
    await answer(page, "confidential", chooseOnly("I'm not sure"));

    // "Not sure" adds an advice page straight after the question, in the question's own section: the
    // section count neither jumps nor grows (decision 023).
    await expectQuestionPage(page, "confidential-advice");
    expect(await progressOf(page)).toEqual(before);
    await expect(page.getByTestId("progress")).toContainText("Can you share?");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Record the advice you were given about whether the information is confidential",
    );
    await submitExpectingErrors(page, [
      "Select who you asked for advice",
      "Enter what you were advised",
      "Select your answer now that you have taken advice on whether the information is confidential",
    ]);
    await answer(page, "confidential-advice", async () => {
      await choose(page, "Someone else", "Who did you ask for advice?");
      await type(page, "Their role", "Named nurse for safeguarding");
      await type(page, "What did they advise?", advice);
      await choose(page, "Yes", "Now that you have taken advice: is the information confidential?");
    });

    // The informed "yes" carries on down the flowchart to consent.
    await answer(page, "consent-from", fillConsentFrom());
    await answer(page, "consent", chooseOnly("Yes, consent has been given"));
    await answer(
      page,
      "decision",
      fillDecision({
        outcome: "Share some of the information",
        rationale: "The parent agreed to sharing the attendance pattern but not the nurse's notes.",
        purpose: "Early help assessment",
      }),
    );
    await answer(page, "lawful-basis", fillLawfulBasis({ article6: "Public task", commonLaw: ["The person agreed"] }));
    await answerSharingQuestions(page, {
      recipient: { name: "Early help hub", role: "Early help coordinator", organisation: "Northshire Council" },
    });

    await expectCheckAnswersPage(page);
    await expect(page.getByRole("main")).toContainText(advice);
    const reference = await recordDecision(page);
    const record = await openRecordFromConfirmation(page, reference);
    await expectRecordRows(record, {
      "Advice sought": `Named nurse for safeguarding: ${advice}`,
      Decision: "Share in part",
      Indication: "You can share",
    });

    const row = await expectStoredDecision(reference, {
      indication: "SHARE",
      outcome: "SHARE_PART",
      consent_status: "GIVEN",
      departs_from_indication: false,
      review_flags: [],
    });
    expect(row.record.adviceSought).toEqual([
      {
        question: "confidential",
        adviserRole: "other",
        adviserRoleOther: "Named nurse for safeguarding",
        advice,
        answerAfterAdvice: "yes",
      },
    ]);
    expect(row.record.indicationReasonCodes).toEqual(
      expect.arrayContaining(["ADVICE_NEEDED_ON_CONFIDENTIAL", "ADVICE_TAKEN_ON_CONFIDENTIAL", "CONSENT_GIVEN"]),
    );
    expect(row.record.answers.confidential).toEqual({ confidential: "not-sure" });
  },
);

test(
  "emergency: a warning to act now, then the decision is recorded straight afterwards and flagged",
  { tag: "@long" },
  async ({ page }) => {
    const caseReference = uniqueCaseReference("EMERGENCY");
    const rationale = "The child said they were afraid to go home tonight; the duty team had to know at once.";
    const warning =
      "If a child is in immediate danger, call 999 and follow your safeguarding procedures first. " +
      "Record the decision straight afterwards.";
    await signIn(page, JO);
    await startDecision(page);

    await answer(page, "urgency", fillUrgency("Yes"));
    // What was done, and when, comes first (decision 023).
    await expectQuestionPage(page, "emergency-action");
    await expect(page.getByText(warning)).toBeVisible();
    const actionDate = yesterday();
    await answer(page, "emergency-action", fillEmergencyAction(actionDate));
    await expectQuestionPage(page, "request");
    await expect(page.getByText(warning)).toBeVisible();
    await answer(page, "request", fillRequest());
    await expectQuestionPage(page, "identifiable");
    await expect(page.getByText(warning)).toBeVisible();
    await answer(page, "identifiable", chooseOnly("Yes"));
    await answer(page, "concern", fillConcern(caseReference));
    await answer(page, "about-the-information", fillAboutInformation());
    await answer(page, "child-views", fillChildViews);
    // Immediate risk answers "significant harm?" and "purpose?" itself.
    await answer(page, "confidential", chooseOnly("Yes"));
    await answer(page, "consent-from", fillConsentFrom());
    await answer(page, "consent", async () => {
      await choose(page, "No, I have not asked for consent", "Do you have consent to share?");
      await choose(page, "Asking would cause a delay that could harm the child", "Why have you not asked for consent?");
    });
    // …and "another lawful reason?" too.
    await expectQuestionPage(page, "decision");
    await expect(page.getByText(warning)).toBeVisible();
    await expect(page.getByTestId("indication")).toContainText("Emergency: act now, record straight afterwards");
    await answer(
      page,
      "decision",
      fillDecision({
        outcome: "Share the information",
        rationale,
        purpose: "Immediate protection of the child",
      }),
    );
    await answerShareWithoutConsent(page, "Vital interests", {
      name: "Duty team",
      role: "Duty social worker",
      organisation: "Northshire children's social care",
    });

    const reference = await recordDecision(page);
    await expect(page.getByTestId("flagged")).toContainText("emergency");
    const record = await openRecordFromConfirmation(page, reference);
    await expectRecordRows(record, {
      Urgency: "Emergency: a child was at immediate risk",
      Indication: "Emergency: act now",
      Consent: "Consent not sought: seeking it would cause harmful delay",
      "Flags for review": "Emergency, Shared without consent",
      // The time action was taken is recorded, on the 24-hour clock (decision 023).
      "Emergency action taken": ["14:30"],
    });

    const row = await expectStoredDecision(reference, {
      case_reference: caseReference,
      urgency: "EMERGENCY",
      indication: "EMERGENCY",
      outcome: "SHARE",
      child_at_risk: true,
      departs_from_indication: false,
      review_flags: ["EMERGENCY", "SHARED_WITHOUT_CONSENT"],
      consent_status: "NOT_SOUGHT",
      lawful_basis_ids: ["art6-1-d", "common-law-public-interest"],
    });
    expect(row.record).toMatchObject({
      urgency: "EMERGENCY",
      rationale,
      consent: { status: "NOT_SOUGHT", notSoughtReason: "harmful-delay" },
      emergencyAction: { takenAt: { date: actionDate.iso, time: "14:30" } },
    });
    expect(row.record.indicationReasonCodes).toEqual(["IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"]);
    for (const skipped of ["significant-harm", "purpose", "other-lawful-reason"])
      expect(Object.keys(row.record.answers)).not.toContain(skipped);
  },
);

test("departure: not sharing where the flowchart says share and a child is at risk: why? flagged", async ({ page }) => {
  const caseReference = uniqueCaseReference("DEPART");
  const rationale = "The police already hold this information from their own enquiry, so sharing adds nothing.";
  const reason = "The police confirmed at the strategy meeting that they already hold the same information.";
  await startRoutinePath(page, USERS.practitioner, caseReference, {
    role: "Detective sergeant",
    organisation: "Northshire Police",
  });
  await answer(page, "significant-harm", chooseOnly("Yes"));
  // Significant harm answers "is there a legitimate purpose?" itself (decision 016).
  await answer(page, "confidential", chooseOnly("No"));
  // Not confidential: the flowchart says "you can share" without asking about consent.
  await expectIndicated(page, "decision", "The flowchart indicates: you can share");
  await answer(page, "decision", fillDecision({ outcome: "Do not share", rationale, purpose: "Police enquiry" }));

  // Departing from the indication asks why straight after the decision.
  await expectIndicated(page, "departure-reason", "The flowchart indicates: you can share");
  await type(page, "Why does your decision differ from what the flowchart indicates?", "Police know.");
  await submitExpectingErrors(page, ["Reason your decision differs must be 40 characters or more"]);
  await answer(page, "departure-reason", fillDepartureReason(reason));
  // Not sharing: whether the person who asked was told, and when to look again; no sharing pages.
  await answer(page, "not-sharing", fillNotSharing);
  await answer(page, "safety", fillSafety());

  await expectCheckAnswersPage(page);
  await expect(
    page.getByText(
      "Your decision departs from what the flowchart indicates. It will be flagged for your supervisor to review.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("main")).toContainText(reason);
  // Deciding not to share leaves the sharing pages out: none of their answers are there.
  await expect(page.getByRole("main")).not.toContainText("What is your lawful basis for sharing?");
  const reference = await recordDecision(page);
  await expect(page.getByTestId("flagged")).toContainText("departs from the flowchart");
  const record = await openRecordFromConfirmation(page, reference);
  await expectRecordRows(record, {
    Decision: "Do not share",
    "Departs from the indication":
      "Yes. The flowchart indicates you can share, and a child is at risk of significant harm, " +
      "but you have decided not to share.",
    "Reason for departing": reason,
    "Flags for review": "Departs from the flowchart, Not shared",
  });

  const row = await expectStoredDecision(reference, {
    case_reference: caseReference,
    indication: "SHARE",
    outcome: "NO_SHARE",
    child_at_risk: true,
    departs_from_indication: true,
    review_flags: ["DEPARTURE", "NO_SHARE"],
    consent_status: "NOT_NEEDED",
    lawful_basis_ids: [],
  });
  expect(row.record.departure).toMatchObject({ code: "NO_SHARE_WHEN_CHILD_AT_RISK", reason });
  expect(row.record.answers["departure-reason"]).toEqual({ departureReason: reason });
  for (const pruned of ["lawful-basis", "information-to-share", "sharing-method", "informing"])
    expect(Object.keys(row.record.answers)).not.toContain(pruned);
});

test("departure: sharing where the flowchart says do not: why?, then the sharing questions; flagged", async ({
  page,
}) => {
  const caseReference = uniqueCaseReference("SHAREANYWAY");
  const reason = "The designated safeguarding lead judged the pattern of injuries serious enough to share part of it.";
  await startRoutinePath(page, AMY, caseReference, { role: "School nurse", organisation: "Northshire NHS Trust" });
  await answerUpToConsent(page, "No, consent was refused");
  await answer(page, "other-lawful-reason", chooseOnly("No"));
  // "Do not share" is indicated; the practitioner decides to share part of it.
  await expectIndicated(page, "decision", "The flowchart indicates: do not share");
  await answer(
    page,
    "decision",
    fillDecision({
      outcome: "Share some of the information",
      rationale: "A pattern of bruising over three weeks needs the school nurse's view now.",
      purpose: "Health assessment",
    }),
  );
  await expectIndicated(page, "departure-reason", "do not share");
  // Going back keeps the decision as given.
  await backLink(page).click();
  await expectQuestionPage(page, "decision");
  await expect(
    page.getByRole("group", { name: "Your decision" }).getByRole("radio", { name: "Share some of the information" }),
  ).toBeChecked();
  await answer(page, "decision", async () => {});
  await answer(page, "departure-reason", fillDepartureReason(reason));
  // Deciding to share brings in the sharing questions, against the "do not share" indication.
  await answerShareWithoutConsent(page, "Public task", {
    name: "Pat Jones",
    role: "School nurse",
    organisation: "Northshire NHS Trust",
  });

  await expectCheckAnswersPage(page);
  await expect(page.getByText("Your decision departs from what the flowchart indicates")).toBeVisible();
  const reference = await recordDecision(page);
  const record = await openRecordFromConfirmation(page, reference);
  await expectRecordRows(record, {
    Decision: "Share in part",
    Indication: "Do not share",
    "Departs from the indication": "Yes. The flowchart indicates you should not share, but you have decided to share.",
    "Reason for departing": reason,
    Consent: "Consent refused, and overridden",
    "Flags for review": "Departs from the flowchart, Shared without consent",
  });

  const row = await expectStoredDecision(reference, {
    indication: "DO_NOT_SHARE",
    outcome: "SHARE_PART",
    departs_from_indication: true,
    review_flags: ["DEPARTURE", "SHARED_WITHOUT_CONSENT"],
    consent_status: "REFUSED_OVERRIDDEN",
    lawful_basis_ids: ["art6-1-e", "common-law-public-interest"],
  });
  expect(row.record.departure).toMatchObject({ code: "SHARE_WHEN_INDICATED_NOT_TO", reason });
});

test("a draft survives sign-out: 'Your decisions' lists it, Continue resumes at the first gap", async ({ page }) => {
  const caseReference = uniqueCaseReference("RESUME");
  // A draft answered up to "not sure" about significant harm, which leads to seeking advice first (decision
  // 016), made in the database: walking the opening is the other paths' subject, resuming is this one's.
  const answers = {
    urgency: { immediateRisk: "no" },
    request: { origin: "request", requesterRole: "Health visitor", requesterOrganisation: "Northshire NHS Trust" },
    identifiable: { identifiable: "yes" },
    concern: { concernCategories: ["child-health-or-development"], personAtRisk: "child", caseReference },
    "about-the-information": { informationAbout: ["child"], fromAnotherAgency: "no" },
    "child-views": { wishesAndFeelings: CHILD_VIEWS_TEXT },
    "significant-harm": { significantHarm: "not-sure" },
  } satisfies WizardAnswers;
  const draftId = await draftWithAnswers(JO, answers);
  // A session of its own: signing out ends it, and the stored one is shared with tests running alongside.
  await signInThroughForm(page, JO);
  await page.goto(`/decisions/drafts/${draftId}/significant-harm-advice`);
  await expectQuestionPage(page, "significant-harm-advice");

  await signOut(page);
  await page.goto(`/decisions/drafts/${draftId}/significant-harm-advice`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signInThroughForm(page, JO);
  await expect(page).toHaveURL(/\/decisions$/);

  const drafts = page.getByTestId("drafts-table");
  const draftRow = drafts.getByRole("row").filter({ hasText: caseReference });
  await expect(draftRow).toHaveCount(1);
  await expect(draftRow).toContainText("Decision");

  // The search finds the draft by its case reference.
  await page.getByLabel("Search by decision reference or case reference").fill(caseReference);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  await expect(drafts.getByRole("row")).toHaveCount(2);

  await drafts.getByRole("link", { name: `Continue draft for ${caseReference}` }).click();
  await expectQuestionPage(page, "significant-harm-advice");
  // Advice is part of its question's section (decision 023): section 2, "About the concern".
  expect((await progressOf(page)).position).toBe(2);
  await expect(page.getByTestId("progress")).toContainText("About the concern");
  expect(page.url()).toContain(draftId);

  // Earlier answers are kept.
  await backLink(page).click();
  await expectQuestionPage(page, "significant-harm");
  await expect(page.getByRole("radio", { name: "I'm not sure" })).toBeChecked();
  await backLink(page).click();
  await expectQuestionPage(page, "child-views");
  await expect(page.getByLabel("What are the child's wishes and feelings?")).toHaveValue(CHILD_VIEWS_TEXT);
  await backLink(page).click();
  await expectQuestionPage(page, "about-the-information");
  await backLink(page).click();
  await expectQuestionPage(page, "concern");
  await expect(page.getByLabel("Your organisation's case reference")).toHaveValue(caseReference);
  await expect(
    page.getByRole("checkbox", { name: "The child's health or development, or their exposure to possible harm" }),
  ).toBeChecked();
  await backLink(page).click();
  await expectQuestionPage(page, "identifiable");
  await expect(page.getByRole("radio", { name: "Yes" })).toBeChecked();
  await backLink(page).click();
  await expectQuestionPage(page, "request");
  await expect(page.getByLabel("Their role", { exact: true })).toHaveValue("Health visitor");

  // Going back through them changed nothing.
  expect(await draftAnswers(draftId)).toEqual(answers);
});
