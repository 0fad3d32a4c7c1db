import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { without } from "../closed-lists";
import { DECISION_OUTCOMES } from "../decision";
import { STEP_IDS, type WizardAnswers } from "./answers";
import { answeredStepsBySection, draftResumePoint, sectionProgress, sectionsOnPath } from "./sections";
import { ADVICE_STEP_FOR_QUESTION, STEP_CAPTIONS, stepDefinition } from "./steps";
import { applicableSteps, pruneAnswers } from "./path";
import { VALID, consentGivenShareAnswers } from "./test-fixtures";

/** Each step's section number along the path these answers take (check answers has none). */
function progressAlong(answers: WizardAnswers) {
  return applicableSteps(answers)
    .filter((step) => step !== "check-answers")
    .map((step) => sectionProgress(answers, step));
}

function expectCountsUpToTheLast(answers: WizardAnswers) {
  const numbers = progressAlong(answers);
  expect(numbers[0]).toMatchObject({ number: 1 });
  for (const [i, p] of numbers.entries()) {
    expect(p.total).toBe(numbers[0]!.total);
    if (i > 0) expect(p.number - numbers[i - 1]!.number).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(p.number - numbers[i - 1]!.number).toBeLessThanOrEqual(1);
  }
  expect(numbers.at(-1)).toMatchObject({ number: numbers[0]!.total });
  return numbers;
}

const noShareAnswers = (): WizardAnswers => {
  const {
    "lawful-basis": _basis,
    "information-to-share": _what,
    "sharing-method": _how,
    informing: _told,
    ...rest
  } = consentGivenShareAnswers();
  return { ...rest, decision: { ...VALID.decision, outcome: "NO_SHARE" }, "not-sharing": VALID["not-sharing"] };
};

describe("progress by section", () => {
  it("names the sections of a routine share in the order the wizard reaches them", () => {
    const answers = consentGivenShareAnswers();
    const sections = sectionsOnPath(answers);
    expect(sections[0]).toBe("Urgency");
    // The decision comes as soon as the flowchart has indicated; only a share then asks the rest.
    // Every section but a reconsideration's new information, in the order STEP_CAPTIONS declares.
    expect(sections).toEqual(without(STEP_CAPTIONS, "New information"));
    expect(new Set(sections).size).toBe(sections.length);
  });

  it("counts up one section at a time along the path, never down, ending at the last", () => {
    const numbers = expectCountsUpToTheLast(consentGivenShareAnswers());
    expect(numbers[0]).toMatchObject({ number: 1, name: "Urgency" });
    expect(numbers.at(-1)).toMatchObject({ name: "Safety and well-being" });
  });

  it("counts up on a no-share, which has neither lawful basis nor sharing pages, to safety and well-being", () => {
    const answers = noShareAnswers();
    expect(sectionsOnPath(answers)).toEqual([
      "Urgency",
      "About the concern",
      "Can you share?",
      "Your decision",
      "Safety and well-being",
    ]);
    expectCountsUpToTheLast(answers);
  });

  it("starts a reconsideration with its new information, as a section of its own", () => {
    const answers = { ...consentGivenShareAnswers(), reconsideration: VALID.reconsideration };
    const numbers = expectCountsUpToTheLast(answers);
    expect(numbers[0]).toMatchObject({ number: 1, name: "New information" });
    expect(sectionProgress(answers, "urgency")).toMatchObject({ number: 2, name: "Urgency" });
  });

  it("keeps advice in the section of the question it is about", () => {
    const answers: WizardAnswers = {
      ...consentGivenShareAnswers(),
      "significant-harm": { significantHarm: "not-sure" },
      "significant-harm-advice": { ...VALID["significant-harm-advice"], informedAnswer: "no" },
      purpose: { legitimatePurpose: "not-sure" },
      "purpose-advice": VALID["purpose-advice"],
    };
    const numbers = expectCountsUpToTheLast(answers);
    expect(sectionProgress(answers, "significant-harm-advice").name).toBe("About the concern");
    expect(sectionProgress(answers, "purpose-advice").name).toBe("Can you share?");
    expect(numbers.map((p) => p.name)).not.toContain("Seeking advice");
    for (const [questionId, adviceId] of Object.entries(ADVICE_STEP_FOR_QUESTION)) {
      expect(stepDefinition(adviceId).caption).toBe(
        stepDefinition(questionId as keyof typeof ADVICE_STEP_FOR_QUESTION).caption,
      );
    }
  });

  it("never has a step go back to an earlier section in the wizard's order of steps", () => {
    const order = STEP_IDS.filter((step) => step !== "check-answers").map((step) => ({
      step,
      section: STEP_CAPTIONS.indexOf(stepDefinition(step).caption),
    }));
    for (const [i, entry] of order.entries()) {
      expect(entry.section, entry.step).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(entry.section, entry.step).toBeGreaterThanOrEqual(order[i - 1]!.section);
    }
  });

  it("counts up, never down, and ends at the last section, along any path the answers can take", () => {
    const yesNoNotSure = fc.constantFrom("yes" as const, "no" as const, "not-sure" as const);
    const advised = (informed: fc.Arbitrary<string>) =>
      informed.map((informedAnswer) => ({ ...VALID["purpose-advice"], informedAnswer }));
    const answerSets = fc.record(
      {
        reconsideration: fc.constant(VALID.reconsideration),
        urgency: fc.constantFrom("yes" as const, "no" as const).map((immediateRisk) => ({ immediateRisk })),
        "emergency-action": fc.constant(VALID["emergency-action"]),
        request: fc.constant(VALID.request),
        identifiable: yesNoNotSure.map((identifiable) => ({ identifiable })),
        "identifiable-advice": advised(fc.constantFrom("yes", "no")),
        concern: fc
          .constantFrom("child" as const, "adult-at-risk" as const)
          .map((personAtRisk) => ({ ...VALID.concern, personAtRisk })),
        "about-the-information": fc.constant(VALID["about-the-information"]),
        "child-views": fc.constant(VALID["child-views"]),
        "significant-harm": yesNoNotSure.map((significantHarm) => ({ significantHarm })),
        "significant-harm-advice": advised(fc.constantFrom("yes", "no")),
        "adult-at-risk": fc.constant(VALID["adult-at-risk"]),
        purpose: yesNoNotSure.map((legitimatePurpose) => ({ legitimatePurpose })),
        "purpose-advice": advised(fc.constantFrom("yes", "no")),
        confidential: yesNoNotSure.map((confidential) => ({ confidential })),
        "confidential-advice": advised(fc.constantFrom("yes", "no")),
        "consent-from": fc.constant(VALID["consent-from"]),
        consent: fc
          .constantFrom("given" as const, "refused" as const, "not-sure" as const)
          .map((consent) => ({ consent })),
        "consent-advice": advised(fc.constantFrom("given", "refused")),
        "other-lawful-reason": yesNoNotSure.map((otherLawfulReason) => ({ otherLawfulReason, reasonKinds: [] })),
        "other-lawful-reason-advice": advised(fc.constantFrom("yes", "no")),
        decision: fc.constantFrom(...DECISION_OUTCOMES).map((outcome) => ({ ...VALID.decision, outcome })),
        "departure-reason": fc.constant(VALID["departure-reason"]),
        "not-sharing": fc.constant(VALID["not-sharing"]),
        "lawful-basis": fc.constant(VALID["lawful-basis"]),
        "information-to-share": fc.constant(VALID["information-to-share"]),
        "sharing-method": fc.constant(VALID["sharing-method"]),
        informing: fc.constant(VALID.informing),
        safety: fc.constant(VALID.safety),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answerSets, (generated) => {
        const answers = pruneAnswers(generated as WizardAnswers);
        const numbers = expectCountsUpToTheLast(answers);
        expect(numbers.at(-1)!.name).toBe("Safety and well-being");
      }),
      { numRuns: 300 },
    );
  });

  it("gives the section's own name, from the step's caption", () => {
    const answers = consentGivenShareAnswers();
    expect(sectionProgress(answers, "consent").name).toBe(stepDefinition("consent").caption);
  });
});

describe("how far a draft has got", () => {
  it("is the first question still to answer, with its section", () => {
    const point = draftResumePoint({});
    expect(point).toMatchObject({ stepId: "urgency", question: stepDefinition("urgency").title });
    expect(point?.section).toMatchObject({ number: 1, name: "Urgency" });
  });

  it("is nothing once every question is answered", () => {
    expect(draftResumePoint(consentGivenShareAnswers())).toBeNull();
  });
});

describe("check answers by section", () => {
  it("groups a routine share's answers into one card per section, in the wizard's order", () => {
    const answers = consentGivenShareAnswers();
    const cards = answeredStepsBySection(answers);
    expect(cards.map((card) => card.section)).toEqual(sectionsOnPath(answers));
    expect(cards.flatMap((card) => card.stepIds)).toEqual(
      applicableSteps(answers).filter((step) => step !== "check-answers"),
    );
    for (const card of cards) {
      for (const stepId of card.stepIds) expect(stepDefinition(stepId).caption).toBe(card.section);
    }
  });

  it("leaves out the sections not reached yet and the steps not answered", () => {
    const answers: WizardAnswers = { urgency: VALID.urgency, request: VALID.request };
    expect(answeredStepsBySection(answers)).toEqual([
      { section: "Urgency", stepIds: ["urgency"] },
      { section: "About the concern", stepIds: ["request"] },
    ]);
  });
});
