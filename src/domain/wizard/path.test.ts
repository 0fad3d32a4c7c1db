import { describe, expect, it } from "vitest";
import {
  applicableSteps,
  canVisitStep,
  departureFor,
  evaluateAnswers,
  firstIncompleteStepId,
  isStepComplete,
  nextStepId,
  previousStepId,
  progress,
  pruneAnswers,
  sharingMayHappen,
  withAnswer,
  STEP_IDS,
  type StepId,
  type WizardAnswers,
} from "./index";
import { START, VALID, steps, consentGivenShareAnswers } from "./test-fixtures";

const EMERGENCY: WizardAnswers = { ...START, urgency: { immediateRisk: "yes" } };

const harm = (significantHarm: "yes" | "no" | "not-sure"): WizardAnswers => ({
  "significant-harm": { significantHarm },
});
const purpose = (legitimatePurpose: "yes" | "no" | "not-sure"): WizardAnswers => ({ purpose: { legitimatePurpose } });
const identifiable = (value: "yes" | "no" | "not-sure"): WizardAnswers => ({ identifiable: { identifiable: value } });
const confidential = (value: "yes" | "no" | "not-sure"): WizardAnswers => ({ confidential: { confidential: value } });
const consent = (value: "given" | "refused" | "withdrawn" | "not-sought" | "not-sure"): WizardAnswers => ({
  consent: value === "not-sought" ? { consent: value, notSoughtReason: "unsafe" } : { consent: value },
});
const otherReason = (value: "yes" | "no" | "not-sure"): WizardAnswers => ({
  "other-lawful-reason":
    value === "yes" ? { otherLawfulReason: value, reasonKinds: ["public-function"] } : { otherLawfulReason: value },
});
const decide = (outcome: "SHARE" | "SHARE_PART" | "NO_SHARE"): WizardAnswers => ({
  decision: { ...VALID.decision, outcome },
});

/** A routine path as far as the confidentiality question: no significant harm, a purpose, identifiable. */
const ROUTINE_TO_CONFIDENTIAL: WizardAnswers = { ...START, ...harm("no"), ...purpose("yes"), ...identifiable("yes") };
const ROUTINE_TO_CONSENT: WizardAnswers = {
  ...ROUTINE_TO_CONFIDENTIAL,
  ...confidential("yes"),
  "consent-from": VALID["consent-from"],
};
/** Not sharing although the child is at risk of significant harm: a departure from the flowchart. */
const HARMED_REFUSED_NOT_SHARED: WizardAnswers = {
  ...ROUTINE_TO_CONSENT,
  ...harm("yes"),
  ...consent("refused"),
  safety: VALID.safety,
  ...decide("NO_SHARE"),
};

const HEAD = steps("urgency request identifiable concern about-the-information child-views");
const QUESTIONS: StepId[] = [...HEAD, "significant-harm", "purpose", "confidential", "consent-from", "consent"];
// The decision comes first; only a share goes on to what, how and whether to inform (issue 11).
const SHARING_TAIL = steps(
  "decision lawful-basis recipient information-to-share sharing-method informing safety check-answers",
);
const NO_SHARE_TAIL: StepId[] = ["decision", "safety", "check-answers"];
/** Steps named as a set, in the wizard's order: applicableSteps always follows STEP_IDS. */
const inOrder = (list: StepId[]): StepId[] => STEP_IDS.filter((id) => list.includes(id));

describe("applicableSteps: the path each set of answers takes", () => {
  it.each<[string, WizardAnswers, StepId[]]>([
    [
      "nothing answered: every step that could apply",
      {},
      [
        ...HEAD,
        "significant-harm",
        "purpose",
        "identifiable",
        "confidential",
        "consent-from",
        "consent",
        "other-lawful-reason",
        ...SHARING_TAIL,
      ],
    ],
    [
      "emergency: what was done and when comes first",
      EMERGENCY,
      [...HEAD, "emergency-action", "confidential", "consent-from", "consent", ...SHARING_TAIL],
    ],
    [
      "emergency, information not confidential",
      { ...EMERGENCY, ...identifiable("yes"), ...confidential("no") },
      [...HEAD, "emergency-action", "confidential", ...SHARING_TAIL],
    ],
    [
      "emergency, consent not sure",
      { ...EMERGENCY, ...identifiable("yes"), ...confidential("yes"), ...consent("not-sure") },
      [...HEAD, "emergency-action", "confidential", "consent-from", "consent", "consent-advice", ...SHARING_TAIL],
    ],
    [
      "no legitimate purpose",
      { ...START, ...harm("no"), ...purpose("no") },
      [...HEAD, "significant-harm", "purpose", ...NO_SHARE_TAIL],
    ],
    [
      "not identifiable (numbers, trends): no case reference, harm question, lawful basis or informing",
      { ...START, ...harm("no"), ...purpose("yes"), ...identifiable("no") },
      steps(
        "urgency request identifiable purpose decision recipient information-to-share sharing-method safety " +
          "check-answers",
      ),
    ],
    [
      "not confidential",
      { ...ROUTINE_TO_CONFIDENTIAL, ...confidential("no") },
      [...HEAD, "significant-harm", "purpose", "confidential", ...SHARING_TAIL],
    ],
    ["consent given", { ...ROUTINE_TO_CONSENT, ...consent("given") }, [...QUESTIONS, ...SHARING_TAIL]],
    ...(["refused", "withdrawn", "not-sought"] as const).flatMap(
      (status) =>
        [
          [
            `consent ${status}, another lawful reason`,
            { ...ROUTINE_TO_CONSENT, ...consent(status), ...otherReason("yes") },
            [...QUESTIONS, "other-lawful-reason", ...SHARING_TAIL],
          ],
          [
            `consent ${status}, no other lawful reason`,
            { ...ROUTINE_TO_CONSENT, ...consent(status), ...otherReason("no") },
            [...QUESTIONS, "other-lawful-reason", ...NO_SHARE_TAIL],
          ],
          [
            `consent ${status}, child at risk of significant harm`,
            { ...ROUTINE_TO_CONSENT, ...harm("yes"), ...consent(status) },
            // Protecting the child is itself the purpose, so the purpose question is not asked.
            [...QUESTIONS.filter((step) => step !== "purpose"), ...SHARING_TAIL],
          ],
        ] as [string, WizardAnswers, StepId[]][],
    ),
    [
      "significant harm not sure: advice first, and it still asks about another lawful reason",
      { ...ROUTINE_TO_CONSENT, ...harm("not-sure"), ...consent("refused") },
      [
        ...HEAD,
        "significant-harm",
        "significant-harm-advice",
        ...QUESTIONS.slice(4),
        "other-lawful-reason",
        ...SHARING_TAIL,
      ],
    ],
    [
      "purpose not sure, advice awaited",
      { ...START, ...harm("no"), ...purpose("not-sure") },
      [
        ...HEAD,
        "significant-harm",
        "purpose",
        "purpose-advice",
        "confidential",
        "consent-from",
        "consent",
        "other-lawful-reason",
        ...SHARING_TAIL,
      ],
    ],
    [
      "purpose not sure, advice says no",
      {
        ...START,
        ...harm("no"),
        ...purpose("not-sure"),
        "purpose-advice": { ...VALID["purpose-advice"], informedAnswer: "no" },
      },
      [...HEAD, "significant-harm", "purpose", "purpose-advice", ...NO_SHARE_TAIL],
    ],
    [
      "identifiable not sure, advice says no",
      {
        ...START,
        ...harm("no"),
        ...purpose("yes"),
        ...identifiable("not-sure"),
        "identifiable-advice": { ...VALID["identifiable-advice"], informedAnswer: "no" },
      },
      steps(
        "urgency request identifiable identifiable-advice purpose decision recipient information-to-share " +
          "sharing-method safety check-answers",
      ),
    ],
    [
      "confidential not sure, advice says yes, consent given",
      {
        ...ROUTINE_TO_CONFIDENTIAL,
        ...confidential("not-sure"),
        "confidential-advice": VALID["confidential-advice"],
        ...consent("given"),
      },
      [
        ...HEAD,
        "significant-harm",
        "purpose",
        "identifiable",
        "confidential",
        "confidential-advice",
        "consent-from",
        "consent",
        ...SHARING_TAIL,
      ],
    ],
    [
      "consent not sure, advice says refused",
      { ...ROUTINE_TO_CONSENT, ...consent("not-sure"), "consent-advice": VALID["consent-advice"] },
      [...QUESTIONS, "consent-advice", "other-lawful-reason", ...SHARING_TAIL],
    ],
    [
      "consent not sure, advice says given",
      {
        ...ROUTINE_TO_CONSENT,
        ...consent("not-sure"),
        "consent-advice": { ...VALID["consent-advice"], informedAnswer: "given" },
      },
      [...QUESTIONS, "consent-advice", ...SHARING_TAIL],
    ],
    [
      "other lawful reason not sure, advice says no",
      {
        ...ROUTINE_TO_CONSENT,
        ...consent("refused"),
        ...otherReason("not-sure"),
        "other-lawful-reason-advice": { ...VALID["other-lawful-reason-advice"], informedAnswer: "no" },
      },
      [...QUESTIONS, "other-lawful-reason", "other-lawful-reason-advice", ...NO_SHARE_TAIL],
    ],
    [
      "sharing despite no legitimate purpose (departure)",
      { ...START, ...harm("no"), ...purpose("no"), ...decide("SHARE") },
      [...HEAD, "significant-harm", "purpose", ...SHARING_TAIL.slice(0, -1), "departure-reason", "check-answers"],
    ],
    [
      "sharing in part when there is no other lawful reason (departure)",
      { ...ROUTINE_TO_CONSENT, ...consent("refused"), ...otherReason("no"), ...decide("SHARE_PART") },
      [...QUESTIONS, "other-lawful-reason", ...SHARING_TAIL.slice(0, -1), "departure-reason", "check-answers"],
    ],
    [
      "not sharing although a child is at risk of significant harm (departure)",
      { ...ROUTINE_TO_CONSENT, ...harm("yes"), ...consent("refused"), ...decide("NO_SHARE") },
      [
        ...QUESTIONS.filter((step) => step !== "purpose"),
        "safety",
        "decision",
        "departure-reason",
        "not-sharing",
        "check-answers",
      ],
    ],
    [
      "not sharing when the flowchart allows it and no significant harm (no departure)",
      { ...ROUTINE_TO_CONSENT, ...consent("given"), ...decide("NO_SHARE") },
      [...QUESTIONS, ...NO_SHARE_TAIL, "not-sharing"],
    ],
    [
      "not sharing in an emergency (departure)",
      { ...EMERGENCY, ...identifiable("yes"), ...confidential("yes"), ...consent("not-sought"), ...decide("NO_SHARE") },
      [
        ...HEAD,
        "emergency-action",
        "confidential",
        "consent-from",
        "consent",
        "safety",
        "decision",
        "departure-reason",
        "not-sharing",
        "check-answers",
      ],
    ],
  ])("%s", (_, answers, expected) => {
    expect(applicableSteps(answers)).toEqual(inOrder(expected));
  });
});

describe("navigation", () => {
  it("walks forward and back through a complete path", () => {
    const answers = consentGivenShareAnswers();
    const path = applicableSteps(answers);
    const forward: StepId[] = ["urgency"];
    for (let step = nextStepId(answers, "urgency"); step; step = nextStepId(answers, step)) forward.push(step);
    expect(forward).toEqual(path);
    const backward: StepId[] = ["check-answers"];
    for (let step = previousStepId(answers, "check-answers"); step; step = previousStepId(answers, step))
      backward.push(step);
    expect(backward).toEqual([...path].reverse());
  });

  it("has nothing before the first step or after check-answers", () => {
    expect(previousStepId({}, "urgency")).toBeUndefined();
    expect(nextStepId(consentGivenShareAnswers(), "check-answers")).toBeUndefined();
  });

  it("goes to the advice step straight after a 'not sure'", () => {
    const answers = { ...START, ...harm("no"), ...purpose("not-sure") };
    expect(nextStepId(answers, "purpose")).toBe("purpose-advice");
    expect(previousStepId(answers, "confidential")).toBe("purpose-advice");
  });

  it("asks for the decision as soon as the flowchart has indicated", () => {
    const answers = { ...START, ...harm("no"), ...purpose("no") };
    expect(nextStepId(answers, "purpose")).toBe("decision");
    expect(nextStepId({ ...answers, ...decide("NO_SHARE") }, "decision")).toBe("not-sharing");
    expect(nextStepId({ ...answers, ...decide("NO_SHARE") }, "not-sharing")).toBe("safety");
  });

  it("asks only a share what, how and whether to inform, after the decision", () => {
    const shared = { ...ROUTINE_TO_CONSENT, ...consent("given"), ...decide("SHARE") };
    expect(nextStepId(shared, "decision")).toBe("lawful-basis");
    const notShared = { ...ROUTINE_TO_CONSENT, ...consent("given"), ...decide("NO_SHARE") };
    expect(nextStepId(notShared, "decision")).toBe("not-sharing");
    expect(applicableSteps(notShared)).not.toContain("information-to-share");
  });

  it("sends the practitioner to the reason when sharing departs from a 'do not share'", () => {
    const answers = { ...START, ...harm("no"), ...purpose("no"), ...decide("SHARE") };
    expect(nextStepId(answers, "decision")).toBe("departure-reason");
    expect(firstIncompleteStepId(answers)).toBe("departure-reason");
  });

  it("goes to the departure reason after a departing decision", () => {
    expect(nextStepId(HARMED_REFUSED_NOT_SHARED, "decision")).toBe("departure-reason");
  });

  it("emergency records what was done first, then skips the questions the emergency answers", () => {
    expect(nextStepId(EMERGENCY, "urgency")).toBe("emergency-action");
    const actedOn = { ...EMERGENCY, "emergency-action": VALID["emergency-action"] };
    expect(nextStepId(actedOn, "child-views")).toBe("confidential");
    expect(previousStepId(actedOn, "confidential")).toBe("child-views");
  });

  it("starts a reconsideration with its new information, only when there is some", () => {
    expect(applicableSteps({})).not.toContain("reconsideration");
    const reconsidering = { ...consentGivenShareAnswers(), reconsideration: VALID.reconsideration };
    expect(applicableSteps(reconsidering)[0]).toBe("reconsideration");
  });
});

describe("firstIncompleteStepId, isStepComplete and canVisitStep", () => {
  it("starts at urgency and ends at check-answers", () => {
    expect(firstIncompleteStepId({})).toBe("urgency");
    expect(firstIncompleteStepId(START)).toBe("significant-harm");
    expect(firstIncompleteStepId(consentGivenShareAnswers())).toBe("check-answers");
  });

  it("treats an answer its schema no longer accepts as incomplete", () => {
    const tampered = { ...consentGivenShareAnswers(), concern: { ...VALID.concern, caseReference: "Sam Smith" } };
    expect(isStepComplete(tampered, "concern")).toBe(false);
    expect(firstIncompleteStepId(tampered)).toBe("concern");
    expect(isStepComplete(tampered, "check-answers")).toBe(false);
  });

  it("refuses steps that are ahead of the answers or off the path", () => {
    expect(canVisitStep({}, "urgency")).toBe(true);
    expect(canVisitStep({}, "decision")).toBe(false);
    expect(canVisitStep(START, "significant-harm")).toBe(true);
    expect(canVisitStep(START, "purpose")).toBe(false);
    expect(canVisitStep({ ...START, ...harm("no"), ...purpose("yes") }, "purpose-advice")).toBe(false);
    expect(canVisitStep(consentGivenShareAnswers(), "check-answers")).toBe(true);
    expect(canVisitStep(consentGivenShareAnswers(), "departure-reason")).toBe(false);
  });

  it("does not let the decision be reached while advice is awaited", () => {
    const awaiting = { ...ROUTINE_TO_CONSENT, ...consent("not-sure"), safety: VALID.safety };
    expect(evaluateAnswers(awaiting).indication).toBe("SEEK_ADVICE");
    expect(canVisitStep(awaiting, "decision")).toBe(false);
    expect(firstIncompleteStepId(awaiting)).toBe("consent-advice");
  });
});

describe("progress", () => {
  it("counts the question pages on the current path", () => {
    const answers = consentGivenShareAnswers();
    expect(progress(answers, "urgency")).toEqual({ position: 1, total: 18 });
    expect(progress(answers, "consent")).toEqual({ position: 11, total: 18 });
    expect(progress(answers, "decision")).toEqual({ position: 12, total: 18 });
    expect(progress(answers, "recipient")).toEqual({ position: 14, total: 18 });
    expect(progress(answers, "check-answers")).toEqual({ position: 18, total: 18 });
  });

  it("shrinks as answers rule steps out", () => {
    expect(progress({}, "urgency").total).toBe(19);
    expect(progress({ ...START, ...harm("no"), ...purpose("no") }, "purpose")).toEqual({ position: 8, total: 10 });
  });
});

describe("pruneAnswers", () => {
  const stored = (answers: WizardAnswers) => Object.keys(pruneAnswers(answers));

  it("keeps every answer on a consistent path", () => {
    const answers = consentGivenShareAnswers();
    expect(pruneAnswers(answers)).toEqual(answers);
  });

  it("drops the later flowchart and sharing answers when the purpose changes to no", () => {
    const answers = { ...consentGivenShareAnswers(), decision: undefined, ...purpose("no") };
    expect(stored(answers)).toEqual([...HEAD, "significant-harm", "purpose", "safety"]);
  });

  it("keeps the sharing answers if the practitioner has already decided to share (a departure)", () => {
    const answers = { ...consentGivenShareAnswers(), ...purpose("no") };
    expect(stored(answers)).toEqual([
      ...HEAD,
      ...steps(
        "significant-harm purpose decision lawful-basis recipient information-to-share sharing-method informing safety",
      ),
    ]);
    expect(departureFor(answers)?.code).toBe("SHARE_WHEN_INDICATED_NOT_TO");
  });

  it("drops advice when 'not sure' becomes a definite answer", () => {
    const answers = { ...START, ...harm("no"), ...purpose("not-sure"), "purpose-advice": VALID["purpose-advice"] };
    expect(stored(answers)).toContain("purpose-advice");
    expect(stored({ ...answers, ...purpose("yes") })).not.toContain("purpose-advice");
  });

  it("drops the routine-only answers when the case becomes an emergency", () => {
    const answers = {
      ...consentGivenShareAnswers(),
      ...consent("refused"),
      ...otherReason("yes"),
      urgency: { immediateRisk: "yes" as const },
    };
    const kept = stored(answers);
    expect(kept).not.toContain("significant-harm");
    expect(kept).not.toContain("purpose");
    expect(kept).not.toContain("other-lawful-reason");
    expect(kept).toContain("consent");
    expect(kept).toContain("lawful-basis");
  });

  it("drops what would have been shared when the decision becomes do not share", () => {
    const kept = stored({ ...consentGivenShareAnswers(), ...decide("NO_SHARE") });
    expect(kept).toEqual([...QUESTIONS, "decision", "safety"]);
  });

  it("drops the departure reason when the decision no longer departs", () => {
    const departing = { ...HARMED_REFUSED_NOT_SHARED, "departure-reason": VALID["departure-reason"] };
    expect(stored(departing)).toContain("departure-reason");
    expect(stored({ ...departing, ...decide("SHARE") })).not.toContain("departure-reason");
  });

  it("cascades: changing consent to given drops its advice and the other-lawful-reason answers", () => {
    const answers = {
      ...ROUTINE_TO_CONSENT,
      ...consent("refused"),
      ...otherReason("not-sure"),
      "other-lawful-reason-advice": VALID["other-lawful-reason-advice"],
    };
    expect(stored(answers)).toContain("other-lawful-reason-advice");
    const changed = stored({ ...answers, ...consent("given") });
    expect(changed).not.toContain("other-lawful-reason");
    expect(changed).not.toContain("other-lawful-reason-advice");
  });

  it("drops keys that are not answer steps", () => {
    const answers = { ...START, "check-answers": {}, surname: { value: "Smith" } } as unknown as WizardAnswers;
    expect(stored(answers)).toEqual(HEAD);
  });

  it("is idempotent and does not change its input", () => {
    const answers = { ...consentGivenShareAnswers(), ...purpose("no"), decision: undefined };
    const copy = structuredClone(answers);
    const once = pruneAnswers(answers);
    expect(pruneAnswers(once)).toEqual(once);
    expect(answers).toEqual(copy);
  });

  it("withAnswer stores an answer and prunes in one go", () => {
    const answers = withAnswer(consentGivenShareAnswers(), "identifiable", { identifiable: "no" });
    expect(answers.identifiable).toEqual({ identifiable: "no" });
    expect(answers.confidential).toBeUndefined();
    expect(answers.consent).toBeUndefined();
    expect(answers["lawful-basis"]).toBeUndefined();
    expect(answers.informing).toBeUndefined();
    expect(answers["information-to-share"]).toEqual(VALID["information-to-share"]);
  });
});

describe("sharingMayHappen", () => {
  it.each<[string, WizardAnswers, boolean]>([
    ["nothing answered", {}, true],
    ["do not share indicated, undecided", { ...START, ...harm("no"), ...purpose("no") }, false],
    [
      "do not share indicated, decided to share",
      { ...START, ...harm("no"), ...purpose("no"), ...decide("SHARE") },
      true,
    ],
    ["share indicated, decided not to", { ...ROUTINE_TO_CONSENT, ...consent("given"), ...decide("NO_SHARE") }, false],
    ["awaiting advice", { ...START, ...harm("no"), ...purpose("not-sure") }, true],
  ])("%s → %s", (_, answers, expected) => {
    expect(sharingMayHappen(answers)).toBe(expected);
  });
});
