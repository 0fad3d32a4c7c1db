import { describe, expect, it } from "vitest";
import { GUIDANCE_VERSION } from "../guidance";
import { START, VALID, steps, consentGivenShareAnswers } from "../wizard/test-fixtures";
import type { WizardAnswers } from "../wizard";
import { buildDecisionRecord, ukDate, ukDayStart, type DecisionContext, type DecisionRecordData } from "./index";

const CONTEXT: DecisionContext = {
  reference: "ISD-2025-000123",
  practitionerId: "user-1",
  organisationId: "org-1",
  organisationKind: "SCHOOL",
  decidedAt: new Date("2025-03-27T14:00:00Z"),
};

function build(answers: unknown, context: Partial<DecisionContext> = {}): DecisionRecordData {
  const result = buildDecisionRecord(answers, { ...CONTEXT, ...context });
  if (!result.ok) throw new Error(`Expected a record, got ${JSON.stringify(result.problems)}`);
  return result.record;
}

function problems(answers: unknown, context: Partial<DecisionContext> = {}) {
  const result = buildDecisionRecord(answers, { ...CONTEXT, ...context });
  return result.ok ? [] : result.problems;
}

const NO_SHARE_DECISION = {
  outcome: "NO_SHARE" as const,
  rationale: "There is no safeguarding purpose; the request was for a housing application.",
  purpose: "Housing application",
  decisionDate: "2025-03-27",
};

const refusedButAtRisk: WizardAnswers = {
  ...consentGivenShareAnswers(),
  "significant-harm": { significantHarm: "yes" },
  consent: { consent: "refused" },
  "lawful-basis": { ...VALID["lawful-basis"], schedule1: ["dpa-sch1-para-18"] },
  informing: { informPerson: "no", reasonNotInforming: "The father may harm the child if he learns of the referral." },
};

const emergency: WizardAnswers = {
  urgency: { immediateRisk: "yes" },
  "emergency-action": VALID["emergency-action"],
  request: { origin: "own-initiative" },
  concern: { ...VALID.concern, concernCategories: ["person-may-pose-risk"] },
  "about-the-information": VALID["about-the-information"],
  "child-views": VALID["child-views"],
  identifiable: VALID.identifiable,
  confidential: VALID.confidential,
  "consent-from": VALID["consent-from"],
  consent: { consent: "not-sought", notSoughtReason: "harmful-delay" },
  "lawful-basis": {
    ...VALID["lawful-basis"],
    article6: "art6-1-d",
    article9: ["art9-2-c"],
    schedule1: [],
    criminalOffenceData: "no",
  },
  safety: VALID.safety,
  "information-to-share": VALID["information-to-share"],
  "sharing-method": { method: "phone", securityMeasures: "Called the police control room on 999." },
  informing: { informPerson: "no", reasonNotInforming: "Telling the carer could put the child at greater risk." },
  decision: VALID.decision,
  recipient: { recipientName: "Control room", recipientRole: "Police call handler", recipientOrganisation: "Police" },
};

describe("buildDecisionRecord: the acceptance paths", () => {
  it("consent given → share", () => {
    const record = build(consentGivenShareAnswers());
    expect(record).toEqual({
      reference: "ISD-2025-000123",
      guidanceVersion: GUIDANCE_VERSION,
      practitionerId: "user-1",
      organisationId: "org-1",
      organisationKind: "SCHOOL",
      decidedAt: CONTEXT.decidedAt,
      decisionDate: "2025-03-27",
      urgency: "ROUTINE",
      origin: "REQUEST",
      requester: { name: "A. Worker", role: "Social worker", organisation: "Children's services" },
      caseReference: "CS-2024/0173",
      personAtRisk: "CHILD",
      concernCategories: ["child-health-or-development"],
      childAtRiskOfSignificantHarm: false,
      indication: "SHARE",
      indicationReasonCodes: [
        "NO_IMMEDIATE_RISK",
        "LEGITIMATE_PURPOSE",
        "IDENTIFIABLE",
        "CONFIDENTIAL",
        "CONSENT_GIVEN",
      ],
      indicationExplanation:
        "You have consent, so you can share. Share only what is needed, share it securely, and record what you shared.",
      outcome: "SHARE",
      departsFromIndication: false,
      departure: null,
      rationale: VALID.decision.rationale,
      purpose: "Early help assessment",
      recipient: { name: "Duty team", role: "Social worker", organisation: "Children's social care" },
      informationShared: {
        description: VALID["information-to-share"].informationDescription,
        factAndOpinion: "facts-and-opinion-marked",
        historicalInformation: "none",
        principlesConfirmed: VALID["information-to-share"].principlesConfirmed,
      },
      sharingMethod: { method: "secure-email", securityMeasures: "Sent between secure domains." },
      lawfulBases: {
        ids: ["art6-1-e", "art9-2-g", "dpa-sch1-para-6", "common-law-public-interest", "ca1989-s47"],
        specialCategory: true,
      },
      consent: { status: "GIVEN" },
      adviceSought: [],
      personInformed: { informed: true },
      safety: { considerations: VALID.safety.safetyConsiderations, identitiesToProtect: ["none"] },
      reviewFlags: [],
      reviewSeverity: "ROUTINE",
      // 28 UK calendar days: the clocks went forward on 30 March, so 14:00 GMT becomes 14:00 BST.
      reviewDueAt: new Date("2025-04-24T13:00:00Z"),
      retainUntil: new Date("2031-03-27T14:00:00Z"),
      answers: consentGivenShareAnswers(),
      identifiesSomeone: true,
      emergencyAction: null,
      informationAbout: { subjects: ["child"], fromAnotherAgency: false },
      childWishesAndFeelings: VALID["child-views"].wishesAndFeelings,
      consentFrom: { from: "parent" },
      notSharing: null,
      reconsideration: null,
    });
  });

  it("consent refused but a child at risk → share without consent under a recorded lawful basis", () => {
    const record = build(refusedButAtRisk);
    expect(record.indication).toBe("SHARE");
    expect(record.indicationReasonCodes.at(-1)).toBe("CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES");
    expect(record.childAtRiskOfSignificantHarm).toBe(true);
    expect(record.consent).toEqual({ status: "REFUSED_OVERRIDDEN" });
    expect(record.lawfulBases?.ids).toContain("dpa-sch1-para-18");
    expect(record.personInformed).toEqual({
      informed: false,
      reasonNotInformed: "The father may harm the child if he learns of the referral.",
    });
    expect(record.reviewFlags).toEqual(["SHARED_WITHOUT_CONSENT"]);
    // Without consent while a child is at risk of significant harm: urgent, two days (decision 027).
    expect(record.reviewSeverity).toBe("URGENT");
    expect(record.reviewDueAt).toEqual(new Date("2025-03-29T14:00:00Z"));
    expect(record.answers["other-lawful-reason"]).toBeUndefined();
  });

  it("no legitimate purpose → do not share", () => {
    const record = build({
      ...START,
      "significant-harm": { significantHarm: "no" },
      purpose: { legitimatePurpose: "no" },
      safety: VALID.safety,
      decision: NO_SHARE_DECISION,
      "not-sharing": {
        requesterTold: "no",
        reasonNotTold: "Waiting for advice from our IG lead.",
        revisitDate: "2025-04-10",
      },
    });
    expect(record).toMatchObject({
      notSharing: {
        requesterTold: "no",
        reasonNotTold: "Waiting for advice from our IG lead.",
        revisitDate: "2025-04-10",
      },
      indication: "DO_NOT_SHARE",
      indicationReasonCodes: ["NO_IMMEDIATE_RISK", "NO_LEGITIMATE_PURPOSE"],
      outcome: "NO_SHARE",
      departsFromIndication: false,
      recipient: null,
      informationShared: null,
      sharingMethod: null,
      lawfulBases: null,
      personInformed: null,
      consent: { status: "NOT_NEEDED" },
      reviewFlags: ["NO_SHARE"],
      // Flagged, but no child is at risk of significant harm: the normal period (decision 027).
      reviewSeverity: "ROUTINE",
      reviewDueAt: new Date("2025-04-24T13:00:00Z"),
    });
  });

  it("not sure → seek advice → continue", () => {
    const record = build({
      ...consentGivenShareAnswers(),
      consent: { consent: "not-sure" },
      "consent-advice": {
        adviceFrom: "other",
        adviceFromOther: "School nurse lead",
        adviceGiven: "The mother's agreement in the meeting counts as consent.",
        informedAnswer: "given",
      },
    });
    expect(record.adviceSought).toEqual([
      {
        question: "consent",
        adviserRole: "other",
        adviserRoleOther: "School nurse lead",
        advice: "The mother's agreement in the meeting counts as consent.",
        answerAfterAdvice: "given",
      },
    ]);
    expect(record.indicationReasonCodes).toContain("ADVICE_TAKEN_ON_CONSENT");
    expect(record.consent.status).toBe("GIVEN");
  });

  it("records the reason consent was not sought, including after advice", () => {
    const unsure = build({
      ...refusedButAtRisk,
      consent: { consent: "not-sure" },
      "consent-advice": { ...VALID["consent-advice"], informedAnswer: "not-sought", informedNotSoughtReason: "unsafe" },
    });
    expect(unsure.consent).toEqual({ status: "NOT_SOUGHT", notSoughtReason: "unsafe" });
  });

  it("emergency path", () => {
    const record = build(emergency, { organisationKind: "LOCAL_AUTHORITY" });
    expect(record).toMatchObject({
      urgency: "EMERGENCY",
      origin: "OWN_INITIATIVE",
      requester: null,
      indication: "EMERGENCY",
      indicationReasonCodes: ["IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"],
      childAtRiskOfSignificantHarm: true,
      consent: { status: "NOT_SOUGHT", notSoughtReason: "harmful-delay" },
      reviewFlags: ["EMERGENCY", "SHARED_WITHOUT_CONSENT"],
      reviewDueAt: new Date("2025-03-29T14:00:00Z"),
    });
    expect(record.indicationExplanation).toContain("straight afterwards");
    expect(record.emergencyAction).toEqual({
      takenAt: { date: "2025-03-27", time: "14:30" },
      actions: ["called-999", "childrens-social-care"],
      whatWasDone: VALID["emergency-action"].whatWasDone,
    });
  });

  it("a departure with its reason", () => {
    const answers: WizardAnswers = {
      ...consentGivenShareAnswers(),
      consent: { consent: "refused" },
      "other-lawful-reason": { otherLawfulReason: "no" },
      "lawful-basis": { ...VALID["lawful-basis"], article6: "art6-1-c" },
      "departure-reason": VALID["departure-reason"],
    };
    const record = build(answers);
    expect(record.indication).toBe("DO_NOT_SHARE");
    expect(record.departsFromIndication).toBe(true);
    expect(record.departure).toEqual({
      code: "SHARE_WHEN_INDICATED_NOT_TO",
      explanation: "The flowchart indicates you should not share, but you have decided to share.",
      reason: VALID["departure-reason"].departureReason,
    });
    expect(record.reviewFlags).toEqual(["DEPARTURE", "SHARED_WITHOUT_CONSENT"]);
  });

  it("not sharing in an emergency is a departure", () => {
    const { "lawful-basis": _l, "information-to-share": _i, "sharing-method": _m, informing: _f, ...rest } = emergency;
    const record = build({
      ...rest,
      decision: NO_SHARE_DECISION,
      "departure-reason": VALID["departure-reason"],
      "not-sharing": { requesterTold: "no-requester", revisitDate: "2025-03-28" },
    });
    expect(record.departure?.code).toBe("NO_SHARE_IN_EMERGENCY");
    expect(record.reviewFlags).toEqual(["DEPARTURE", "EMERGENCY", "NO_SHARE"]);
  });

  it("sharing non-personal information needs no lawful basis or consent", () => {
    const record = build({
      ...START,
      "significant-harm": { significantHarm: "no" },
      purpose: { legitimatePurpose: "yes" },
      identifiable: { identifiable: "no" },
      safety: VALID.safety,
      recipient: VALID.recipient,
      "information-to-share": VALID["information-to-share"],
      "sharing-method": VALID["sharing-method"],
      decision: VALID.decision,
    });
    expect(record).toMatchObject({
      lawfulBases: null,
      personInformed: null,
      consent: { status: "NOT_NEEDED" },
      reviewFlags: [],
      // A request that identifies no one needs no case reference and no harm question (issue 11).
      identifiesSomeone: false,
      caseReference: "",
      personAtRisk: null,
      concernCategories: [],
    });
    expect(record.answers.concern).toBeUndefined();
    expect(record.answers["significant-harm"]).toBeUndefined();
  });
});

describe("buildDecisionRecord: what it refuses", () => {
  it("lists each unanswered step, in order", () => {
    expect(problems(START).map((problem) => problem.stepId)).toEqual(
      steps(`
    significant-harm purpose confidential consent-from consent other-lawful-reason decision lawful-basis
    recipient information-to-share sharing-method informing safety
      `),
    );
    expect(problems(START)[0]).toEqual({
      stepId: "significant-harm",
      field: "_form",
      message: "Answer the question: Is the child suffering, or likely to suffer, significant harm?",
    });
  });

  it("will not record a decision while advice is awaited", () => {
    const awaiting = { ...consentGivenShareAnswers(), consent: { consent: "not-sure" } };
    // The other-lawful-reason question stays on the path until the advice rules it out.
    expect(problems(awaiting).map((problem) => problem.stepId)).toEqual(["consent-advice", "other-lawful-reason"]);
  });

  it("needs a reason for a departure", () => {
    const departing = { ...refusedButAtRisk, decision: NO_SHARE_DECISION, "not-sharing": VALID["not-sharing"] };
    expect(problems(departing).map((problem) => problem.stepId)).toEqual(["departure-reason"]);
  });

  it("checks the lawful basis against the organisation", () => {
    const answers = {
      ...consentGivenShareAnswers(),
      "lawful-basis": { ...VALID["lawful-basis"], article6: "art6-1-f" },
    };
    expect(problems(answers, { organisationKind: "HEALTH" })).toEqual([
      {
        stepId: "lawful-basis",
        field: "article6",
        message:
          "Public authorities cannot rely on legitimate interests for their tasks. Select public task or another basis",
      },
    ]);
    // A charity relies on legitimate interests, and not on s.47, which binds named authorities only.
    const charity = { ...answers, "lawful-basis": { ...answers["lawful-basis"], statutoryGateways: [] } };
    expect(problems(charity, { organisationKind: "VOLUNTARY" })).toEqual([]);
  });

  it("refuses a decision dated after it was recorded, judged by the UK calendar", () => {
    const answers = { ...consentGivenShareAnswers(), decision: { ...VALID.decision, decisionDate: "2025-07-01" } };
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(problems(answers, { decidedAt: new Date("2025-06-30T23:30:00Z") })).toEqual([]);
    expect(problems(answers, { decidedAt: new Date("2025-06-30T22:59:00Z") })).toEqual([
      { stepId: "decision", field: "decisionDate", message: "Date of the decision must be today or in the past" },
    ]);
    expect(problems(answers, { decidedAt: new Date("2025-06-30T21:59:00Z") }).map((problem) => problem.field)).toEqual([
      "decisionDate",
    ]);
  });

  it("refuses tampered stored answers", () => {
    expect(problems({ ...consentGivenShareAnswers(), extra: { x: 1 } })).toEqual([
      { stepId: "context", field: "_form", message: "This question does not exist" },
    ]);
    expect(
      problems({ ...consentGivenShareAnswers(), concern: { ...VALID.concern, caseReference: "01/02/2016" } }),
    ).toEqual([
      {
        stepId: "concern",
        field: "caseReference",
        message: "Case reference looks like a date. Enter your organisation's case reference, not a date of birth",
      },
    ]);
    expect(problems("not answers")[0]?.message).toBe("The form could not be read. Try again");
  });

  it("refuses an incomplete context", () => {
    expect(
      problems(consentGivenShareAnswers(), {
        reference: " ",
        organisationKind: "CHARITY" as never,
        decidedAt: new Date("nonsense"),
      }).map((problem) => `${problem.stepId}.${problem.field}`),
    ).toEqual(["context.reference", "context.organisationKind", "context.decidedAt"]);
  });

  it("leaves stale answers out of the record", () => {
    const record = build({
      ...consentGivenShareAnswers(),
      "purpose-advice": VALID["purpose-advice"],
      "departure-reason": VALID["departure-reason"],
    });
    expect(Object.keys(record.answers)).not.toContain("purpose-advice");
    expect(Object.keys(record.answers)).not.toContain("departure-reason");
    expect(record.adviceSought).toEqual([]);
  });

  it("uses the guidance version and settings it is given", () => {
    const record = build(consentGivenShareAnswers(), {
      guidanceVersion: "2024-11-dfe-2024-v2",
      settings: { reviewWithinDays: { emergency: 1, flagged: 1, routine: 7 }, retentionYears: 10 },
    });
    expect(record.guidanceVersion).toBe("2024-11-dfe-2024-v2");
    expect(record.reviewDueAt).toEqual(new Date("2025-04-03T13:00:00Z")); // 14:00 BST, as decided at 14:00 GMT
    expect(record.retainUntil).toEqual(new Date("2035-03-27T13:00:00Z")); // 14:00 BST in 2035
  });
});

describe("ukDate", () => {
  it.each([
    ["2025-03-27T14:00:00Z", "2025-03-27"],
    ["2025-06-30T23:30:00Z", "2025-07-01"],
    ["2025-12-31T23:30:00Z", "2025-12-31"],
  ])("%s is %s in the UK", (moment, date) => {
    expect(ukDate(new Date(moment))).toBe(date);
  });
});

describe("ukDayStart", () => {
  it.each([
    ["2025-01-15", "2025-01-15T00:00:00.000Z"], // GMT
    ["2025-07-01", "2025-06-30T23:00:00.000Z"], // BST: midnight in London is 23:00 UTC the day before
    ["2025-03-30", "2025-03-30T00:00:00.000Z"], // clocks go forward at 01:00 UTC that day, after midnight
    ["2025-03-31", "2025-03-30T23:00:00.000Z"],
    ["2025-10-26", "2025-10-25T23:00:00.000Z"], // clocks go back at 01:00 UTC that day
    ["2025-10-27", "2025-10-27T00:00:00.000Z"],
    ["1800-06-01", "1800-06-01T00:00:00.000Z"], // before standard time: still a whole day, never the day before
    ["0001-01-01", "0001-01-01T00:00:00.000Z"],
  ])("%s starts in the UK at %s", (day, instant) => {
    expect(ukDayStart(day).toISOString()).toBe(instant);
    if (day < "1900") return; // London kept local mean time then: ukDate's days are 75 s off
    expect(ukDate(ukDayStart(day))).toBe(day);
    expect(ukDate(new Date(ukDayStart(day).getTime() - 1))).not.toBe(day);
  });
});
