import { expect } from "vitest";
import type { AdviserRole, StepId, StepValues, WizardAnswers } from "./answers";
import { parseStep } from "./parse";

/** Advice recorded after a "not sure", and the answer given again in its light. */
const advised = <Answer extends string>(adviceFrom: AdviserRole, adviceGiven: string, informedAnswer: Answer) => ({
  adviceFrom,
  adviceGiven,
  informedAnswer,
});

/** Valid answers for every step, for tests that need a realistic draft. */
export const VALID: { [Id in Exclude<keyof StepValues, "check-answers">]: StepValues[Id] } = {
  reconsideration: {
    newInformation: "The school has since reported two more unexplained absences and a new injury.",
    changesStep: "significant-harm",
  },
  urgency: { immediateRisk: "no" },
  "emergency-action": {
    actionDate: "2025-03-27",
    actionTime: "14:30",
    actionsTaken: ["called-999", "childrens-social-care"],
    whatWasDone: "Police attended within ten minutes; the duty social worker was told by phone.",
  },
  request: {
    origin: "request",
    requesterName: "A. Worker",
    requesterRole: "Social worker",
    requesterOrganisation: "Children's services",
  },
  concern: {
    concernCategories: ["child-health-or-development"],
    personAtRisk: "child",
    caseReference: "CS-2024/0173",
  },
  "about-the-information": { informationAbout: ["child"], fromAnotherAgency: "no" },
  "child-views": { wishesAndFeelings: "She said she wants her teacher to help and is worried about her brother." },
  "significant-harm": { significantHarm: "no" },
  "significant-harm-advice": advised(
    "designated-safeguarding-lead",
    "The bruising pattern and the disclosure together meet the threshold.",
    "yes",
  ),
  "adult-at-risk": {
    careAndSupportNeeds: "yes",
    unableToProtectThemselves: "yes",
    capacity: "lacks-capacity",
    refusalOverrideReasons: [],
  },
  purpose: { legitimatePurpose: "yes" },
  "purpose-advice": advised("designated-safeguarding-lead", "Sharing supports the early help assessment.", "yes"),
  identifiable: { identifiable: "yes" },
  "identifiable-advice": advised("information-governance-lead", "The details together identify the family.", "yes"),
  confidential: { confidential: "yes" },
  "confidential-advice": advised("caldicott-guardian", "It was given in confidence at a health appointment.", "yes"),
  "consent-from": { consentFrom: "parent" },
  consent: { consent: "given" },
  "consent-advice": advised(
    "manager-or-supervisor",
    "The parent's agreement was not freely given, so treat it as refused.",
    "refused",
  ),
  "other-lawful-reason": { otherLawfulReason: "yes", reasonKinds: ["statutory-duty-or-power"] },
  "other-lawful-reason-advice": advised("legal-team", "Section 47 enquiries give a basis to share.", "yes"),
  "lawful-basis": {
    article6: "art6-1-e",
    specialCategory: "yes",
    article9: ["art9-2-g"],
    // Para 6, not para 18: the routine path has consent, and para 18 is for sharing without it.
    schedule1: ["dpa-sch1-para-6"],
    schedule8: [],
    commonLaw: ["common-law-public-interest"],
    statutoryGateways: ["ca1989-s47"],
  },
  safety: {
    safetyConsiderations: "Sharing lets the assessment team plan a safe visit.",
    identitiesToProtect: ["none"],
  },
  "information-to-share": {
    informationDescription: "Attendance dates and the teacher's observations, marked as opinion.",
    factAndOpinion: "facts-and-opinion-marked",
    historicalInformation: "none",
    principlesConfirmed: ["necessary", "proportionate", "relevant", "adequate", "accurate", "timely", "secure"],
  },
  "sharing-method": { method: "secure-email", securityMeasures: "Sent between secure domains." },
  informing: { informPerson: "yes" },
  decision: {
    outcome: "SHARE",
    rationale: "The child's attendance has fallen sharply and the assessment needs it.",
    purpose: "Early help assessment",
    decisionDate: "2025-03-27",
  },
  recipient: {
    recipientName: "Duty team",
    recipientRole: "Social worker",
    recipientOrganisation: "Children's social care",
  },
  "departure-reason": {
    departureReason: "The police have already been told and a second referral would add nothing.",
  },
  // Far enough ahead to pass "today or later" whenever the tests run.
  "not-sharing": { requesterTold: "yes", revisitDate: "2035-01-31" },
};

/** A complete routine path: no immediate risk, consent given, shared. */
/** The answers every path starts with: no immediate risk, a request, the concern and what it is about. */
export const START: WizardAnswers = {
  urgency: VALID.urgency,
  request: VALID.request,
  identifiable: VALID.identifiable,
  concern: VALID.concern,
  "about-the-information": VALID["about-the-information"],
  "child-views": VALID["child-views"],
};

export function consentGivenShareAnswers(): WizardAnswers {
  return {
    urgency: VALID.urgency,
    request: VALID.request,
    concern: VALID.concern,
    "about-the-information": VALID["about-the-information"],
    "child-views": VALID["child-views"],
    "significant-harm": VALID["significant-harm"],
    purpose: VALID.purpose,
    identifiable: VALID.identifiable,
    confidential: VALID.confidential,
    "consent-from": VALID["consent-from"],
    consent: VALID.consent,
    "lawful-basis": VALID["lawful-basis"],
    recipient: VALID.recipient,
    safety: VALID.safety,
    "information-to-share": VALID["information-to-share"],
    "sharing-method": VALID["sharing-method"],
    informing: VALID.informing,
    decision: VALID.decision,
  };
}

/** Step ids written as words, several to a line, so an expected path reads as a short paragraph. */
export function steps(words: string): StepId[] {
  return words.trim().split(/\s+/) as StepId[];
}

/** The step takes this input and stores exactly this answer (by default the input itself, unchanged). */
export function expectStored(stepId: StepId, input: unknown, stored: unknown = input): void {
  expect(parseStep(stepId, input)).toEqual({ ok: true, value: stored });
}
