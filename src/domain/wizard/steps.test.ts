import { describe, expect, it } from "vitest";
import { GOLDEN_RULE_IDS, GUIDANCE_NOTE_IDS } from "../guidance";
import { ARTICLE_6_IDS } from "../lawful-basis";
import {
  ANSWER_STEP_IDS,
  FORM_ERROR_FIELD,
  STEPS,
  STEP_IDS,
  applicableSteps,
  parseAnswers,
  parseStep,
  type AnswerStepId,
  type FieldError,
  type StepParseResult,
  type WizardAnswers,
} from "./index";
import { VALID, consentGivenShareAnswers, expectStored, steps } from "./test-fixtures";

const errorsOf = (result: StepParseResult): FieldError[] => (result.ok ? [] : result.errors);
const errorFor = (result: StepParseResult, field: string) =>
  errorsOf(result).find((error) => error.field === field)?.message;

/** Fields that must always be answered, whatever else is chosen on the page. */
const ALWAYS_REQUIRED: Record<AnswerStepId, string[]> = {
  reconsideration: ["newInformation", "changesStep"],
  urgency: ["immediateRisk"],
  "emergency-action": ["actionDate", "actionTime", "actionsTaken", "whatWasDone"],
  "about-the-information": ["informationAbout", "fromAnotherAgency"],
  "child-views": ["wishesAndFeelings"],
  "consent-from": ["consentFrom"],
  "not-sharing": ["requesterTold", "revisitDate"],
  request: ["origin"],
  concern: ["concernCategories", "personAtRisk", "caseReference"],
  "significant-harm": ["significantHarm"],
  "significant-harm-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  "adult-at-risk": ["careAndSupportNeeds", "unableToProtectThemselves", "capacity"],
  purpose: ["legitimatePurpose"],
  "purpose-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  identifiable: ["identifiable"],
  "identifiable-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  confidential: ["confidential"],
  "confidential-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  consent: ["consent"],
  "consent-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  "other-lawful-reason": ["otherLawfulReason"],
  "other-lawful-reason-advice": ["adviceFrom", "adviceGiven", "informedAnswer"],
  "lawful-basis": ["article6", "specialCategory"],
  safety: ["safetyConsiderations", "identitiesToProtect"],
  "information-to-share": ["informationDescription", "factAndOpinion", "historicalInformation", "principlesConfirmed"],
  "sharing-method": ["method", "securityMeasures"],
  informing: ["informPerson"],
  decision: ["outcome", "rationale", "purpose", "decisionDate"],
  "departure-reason": ["departureReason"],
  recipient: ["recipientName", "recipientRole", "recipientOrganisation"],
};

const stepCases = ANSWER_STEP_IDS.map((id) => [id] as const);

describe("step definitions", () => {
  it("list every step in order, ending with check-answers", () => {
    expect(STEP_IDS).toEqual(
      steps(`
    reconsideration urgency emergency-action request identifiable identifiable-advice concern
    about-the-information child-views significant-harm significant-harm-advice adult-at-risk purpose
    purpose-advice confidential confidential-advice consent-from consent consent-advice
    other-lawful-reason other-lawful-reason-advice decision departure-reason not-sharing lawful-basis
    recipient information-to-share sharing-method informing safety check-answers
      `),
    );
    expect(Object.keys(STEPS)).toEqual([...STEP_IDS]);
  });

  it.each(STEP_IDS.map((id) => [id] as const))("%s is well formed", (id) => {
    const step = STEPS[id];
    expect(step.id).toBe(id);
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(step.title.length).toBeGreaterThan(10);
    expect(step.caption.length).toBeGreaterThan(3);
    if (id !== "check-answers") expect(step.ruleIds.length + (step.noteIds?.length ?? 0)).toBeGreaterThan(0);
    for (const ruleId of step.ruleIds) expect(GOLDEN_RULE_IDS).toContain(ruleId);
    for (const noteId of step.noteIds ?? []) expect(GUIDANCE_NOTE_IDS).toContain(noteId);

    const names = step.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    for (const field of step.fields) {
      expect(field.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(field.label.length).toBeGreaterThan(3);
      if (field.kind === "radios" || field.kind === "checkboxes") {
        const values = (field.options ?? []).map((option) => option.value);
        expect(values.length).toBeGreaterThan(1);
        expect(new Set(values).size).toBe(values.length);
        for (const option of field.options ?? []) {
          for (const revealed of option.revealsFields ?? []) expect(names).toContain(revealed);
        }
      } else {
        expect(field.options).toBeUndefined();
      }
      if (field.kind === "text" || field.kind === "textarea") expect(field.maxLength).toBeGreaterThan(0);
    }
  });

  it("never asks for a child's name or date of birth", () => {
    for (const step of Object.values(STEPS)) {
      for (const field of step.fields) {
        expect(`${field.name} ${field.label}`).not.toMatch(/child'?s? ?name|birth|\bdob\b|surname/i);
      }
    }
  });

  it("warns against names in every free-text field that describes people or events", () => {
    const textareas = Object.values(STEPS).flatMap((step) =>
      step.fields.filter((field) => field.kind === "textarea").map((field) => `${step.id}.${field.name}`),
    );
    const withWarning = Object.values(STEPS).flatMap((step) =>
      step.fields
        .filter((field) => field.kind === "textarea" && /names/.test(field.hint ?? ""))
        .map((field) => `${step.id}.${field.name}`),
    );
    const exempt = [
      "information-to-share.informationWithheld",
      "sharing-method.securityMeasures",
      "decision.purpose",
      "safety.protectionSteps",
    ];
    expect(textareas.filter((name) => !exempt.includes(name))).toEqual(withWarning);
    expect(withWarning.length).toBeGreaterThanOrEqual(8);
  });

  it("offers the lawful-basis options from the catalogue, limited by organisation where the law says so", () => {
    const fields = STEPS["lawful-basis"].fields;
    const article6 = fields.find((field) => field.name === "article6")?.options ?? [];
    // Consent is never listed first (issue 11): it comes after every other basis.
    expect(article6.map((option) => option.value)).toEqual([
      ...ARTICLE_6_IDS.filter((id) => id !== "art6-1-a"),
      "art6-1-a",
    ]);
    for (const name of ["article9", "commonLaw"]) {
      const values = fields.find((field) => field.name === name)?.options?.map((option) => option.value) ?? [];
      expect(values.at(-1)).toMatch(/^(art9-2-a|common-law-consent)$/);
    }
    expect(article6.find((option) => option.value === "art6-1-f")?.onlyFor).toEqual(["EARLY_YEARS", "VOLUNTARY"]);
    expect(fields.find((field) => field.name === "schedule8")?.options?.[0]?.onlyFor).toEqual(["POLICE"]);
    expect(article6.find((option) => option.value === "art6-1-e")?.onlyFor).toBeUndefined();
  });
});

describe("every step schema", () => {
  it.each(stepCases)("%s accepts its valid answer and gives it back unchanged", (id) => {
    const result = parseStep(id, VALID[id]);
    expect(result).toEqual({ ok: true, value: VALID[id] });
    // Stored answers are parsed again when read back, so parsing must be idempotent.
    const again = parseStep(id, result.ok ? result.value : undefined);
    expect(again).toEqual(result);
  });

  it.each(stepCases)("%s rejects unknown keys", (id) => {
    const result = parseStep(id, { ...VALID[id], childName: "Sam" });
    expect(result.ok).toBe(false);
    expect(errorFor(result, FORM_ERROR_FIELD)).toBe(
      "The form contained information it should not have. Go back and try again",
    );
  });

  it.each(stepCases)("%s rejects input that is not a form", (id) => {
    for (const input of ["text", 42, null, undefined, ["a"]]) {
      expect(errorsOf(parseStep(id, input))).toEqual([
        { field: FORM_ERROR_FIELD, message: "The form could not be read. Try again" },
      ]);
    }
  });

  it.each(stepCases)("%s rejects an empty form with an error on each required field", (id) => {
    const result = parseStep(id, {});
    expect(errorsOf(result).map((error) => error.field)).toEqual(ALWAYS_REQUIRED[id]);
    for (const error of errorsOf(result)) expect(error.message).toMatch(/^(Select|Enter|Confirm)/);
  });

  it.each(stepCases)("%s rejects each required field when it is missing or blank", (id) => {
    for (const field of ALWAYS_REQUIRED[id]) {
      const { [field]: _removed, ...rest } = VALID[id] as unknown as Record<string, unknown>;
      expect(errorFor(parseStep(id, rest), field)).toMatch(/^(Select|Enter|Confirm)/);
      const kind = STEPS[id].fields.find((candidate) => candidate.name === field)?.kind;
      const blank = kind === "checkboxes" ? [] : "   ";
      expect(errorFor(parseStep(id, { ...VALID[id], [field]: blank }), field)).toMatch(/^(Select|Enter|Confirm)/);
    }
  });

  it.each(stepCases)("%s rejects wrong types in every field", (id) => {
    for (const field of STEPS[id].fields) {
      for (const wrong of [42, true, { nested: "x" }]) {
        expect(errorFor(parseStep(id, { ...VALID[id], [field.name]: wrong }), field.name)).toBeDefined();
      }
      const wrongShape = field.kind === "checkboxes" ? "yes" : ["yes"];
      expect(errorFor(parseStep(id, { ...VALID[id], [field.name]: wrongShape }), field.name)).toBeDefined();
    }
  });

  it.each(stepCases)("%s rejects values that are not among the options", (id) => {
    for (const field of STEPS[id].fields.filter((candidate) => candidate.options)) {
      const invalid = field.kind === "checkboxes" ? ["not-an-option"] : "not-an-option";
      expect(errorFor(parseStep(id, { ...VALID[id], [field.name]: invalid }), field.name)).toBeDefined();
    }
  });

  it.each(stepCases)("%s rejects over-long text and accepts text at the limit", (id) => {
    for (const field of STEPS[id].fields.filter((candidate) => candidate.maxLength)) {
      const limit = field.maxLength ?? 0;
      const tooLong = parseStep(id, { ...VALID[id], [field.name]: "a".repeat(limit + 1) });
      expect(errorFor(tooLong, field.name)).toMatch(/must be \d+ characters or less$/);
      // Fields with a pattern (a reference, a time) cannot be filled to their limit with letters.
      if (field.name !== "caseReference" && field.name !== "actionTime") {
        const atLimit = parseStep(id, { ...VALID[id], [field.name]: `A${"a".repeat(limit - 1)}` });
        expect(errorFor(atLimit, field.name)).toBeUndefined();
      }
    }
  });

  it("check-answers takes no input and rejects any", () => {
    expectStored("check-answers", {});
    expect(errorFor(parseStep("check-answers", { confirm: "yes" }), FORM_ERROR_FIELD)).toBeDefined();
  });
});

describe("urgency", () => {
  it("uses the GOV.UK error message", () => {
    expect(errorsOf(parseStep("urgency", {}))).toEqual([
      { field: "immediateRisk", message: "Select whether a child is at immediate risk of significant harm" },
    ]);
  });
});

describe("request", () => {
  it("requires the requester's role and organisation for a request", () => {
    expect(errorsOf(parseStep("request", { origin: "request", requesterName: "" }))).toEqual([
      { field: "requesterRole", message: "Enter the role of the person asking for information" },
      { field: "requesterOrganisation", message: "Enter the organisation of the person asking for information" },
    ]);
  });

  it("keeps the requester's name optional and trims text", () => {
    expect(
      parseStep("request", {
        origin: "request",
        requesterName: "  ",
        requesterRole: " Health visitor ",
        requesterOrganisation: "NHS trust",
      }),
    ).toEqual({
      ok: true,
      value: { origin: "request", requesterRole: "Health visitor", requesterOrganisation: "NHS trust" },
    });
  });

  it("drops hidden requester details when sharing on your own initiative", () => {
    expectStored(
      "request",
      { origin: "own-initiative", requesterRole: "typed before switching" },
      { origin: "own-initiative" },
    );
  });
});

describe("concern", () => {
  const withReference = (caseReference: unknown) => parseStep("concern", { ...VALID.concern, caseReference });

  it.each(["AB", "CS-2024/0173", "12345", "a1/b2-c3", "X".repeat(40)])("accepts case reference %s", (reference) => {
    expect(withReference(reference).ok).toBe(true);
  });

  it.each([
    ["", "Enter your organisation's case reference"],
    [
      "A",
      "Case reference must start with a letter or number, be at least 2 characters, and contain only " +
        "letters, numbers, hyphens (-) and slashes (/)",
    ],
    [
      "-AB",
      "Case reference must start with a letter or number, be at least 2 characters, and contain only " +
        "letters, numbers, hyphens (-) and slashes (/)",
    ],
    [
      "Sam Smith",
      "Case reference must start with a letter or number, be at least 2 characters, and contain only " +
        "letters, numbers, hyphens (-) and slashes (/)",
    ],
    [
      "AB_12",
      "Case reference must start with a letter or number, be at least 2 characters, and contain only " +
        "letters, numbers, hyphens (-) and slashes (/)",
    ],
    ["X".repeat(41), "Case reference must be 40 characters or less"],
    ["12/03/2015", "Case reference looks like a date. Enter your organisation's case reference, not a date of birth"],
    ["2015-03-12", "Case reference looks like a date. Enter your organisation's case reference, not a date of birth"],
  ])("rejects case reference %j", (reference, message) => {
    expect(errorFor(withReference(reference), "caseReference")).toBe(message);
  });

  it("trims the case reference and removes duplicate categories", () => {
    expect(
      parseStep("concern", {
        concernCategories: ["parent-may-need-help", "parent-may-need-help", "person-may-pose-risk"],
        personAtRisk: "adult-at-risk",
        caseReference: " REF-1 ",
      }),
    ).toEqual({
      ok: true,
      value: {
        concernCategories: ["parent-may-need-help", "person-may-pose-risk"],
        personAtRisk: "adult-at-risk",
        caseReference: "REF-1",
      },
    });
  });
});

describe("flowchart question steps", () => {
  it.each([
    [
      "significant-harm",
      "significantHarm",
      "Select whether the child is suffering, or likely to suffer, significant harm",
    ],
    ["purpose", "legitimatePurpose", "Select whether there is a clear and legitimate purpose for sharing"],
    ["identifiable", "identifiable", "Select whether the information identifies a person"],
    ["confidential", "confidential", "Select whether the information is confidential"],
  ] as const)("%s accepts yes, no and not sure", (id, field, message) => {
    for (const answer of ["yes", "no", "not-sure"]) {
      expectStored(id, { [field]: answer });
    }
    expect(errorsOf(parseStep(id, { [field]: "maybe" }))).toEqual([{ field, message }]);
  });

  it("consent needs a reason when it was not sought, and drops it otherwise", () => {
    expect(errorsOf(parseStep("consent", { consent: "not-sought" }))).toEqual([
      { field: "notSoughtReason", message: "Select why you have not asked for consent" },
    ]);
    for (const reason of ["unsafe", "inappropriate", "harmful-delay"]) {
      expectStored("consent", { consent: "not-sought", notSoughtReason: reason });
    }
    for (const consent of ["given", "refused", "withdrawn", "not-sure"]) {
      expectStored("consent", { consent, notSoughtReason: "unsafe" }, { consent });
    }
  });

  it("other lawful reason asks which reason when the answer is yes", () => {
    expect(errorsOf(parseStep("other-lawful-reason", { otherLawfulReason: "yes" }))).toEqual([
      { field: "reasonKinds", message: "Select the lawful reason to share without consent" },
    ]);
    expectStored(
      "other-lawful-reason",
      { otherLawfulReason: "no", reasonKinds: ["public-function"] },
      { otherLawfulReason: "no" },
    );
  });
});

describe("advice steps", () => {
  it("records who advised by role, and asks for the role when it is someone else", () => {
    const advice = { adviceFrom: "other", adviceGiven: "Share with the school nurse.", informedAnswer: "yes" };
    expect(errorsOf(parseStep("purpose-advice", advice))).toEqual([
      { field: "adviceFromOther", message: "Enter the role of the person you asked" },
    ]);
    expectStored("purpose-advice", { ...advice, adviceFromOther: "NSPCC helpline adviser" });
    expect(
      parseStep("purpose-advice", { ...advice, adviceFrom: "caldicott-guardian", adviceFromOther: "hidden" }),
    ).toEqual({ ok: true, value: { ...advice, adviceFrom: "caldicott-guardian" } });
  });

  it("does not accept 'not sure' again after advice", () => {
    for (const id of [
      "purpose-advice",
      "identifiable-advice",
      "confidential-advice",
      "other-lawful-reason-advice",
    ] as const) {
      expect(errorFor(parseStep(id, { ...VALID[id], informedAnswer: "not-sure" }), "informedAnswer")).toMatch(
        /^Select your answer now that you have taken advice on /,
      );
    }
    expect(
      errorFor(
        parseStep("consent-advice", { ...VALID["consent-advice"], informedAnswer: "not-sure" }),
        "informedAnswer",
      ),
    ).toBe("Select your answer now that you have taken advice on consent");
  });

  it("consent advice needs a reason when consent is now not being sought", () => {
    const advice = { ...VALID["consent-advice"], informedAnswer: "not-sought" };
    expect(errorFor(parseStep("consent-advice", advice), "informedNotSoughtReason")).toBe(
      "Select why you have not asked for consent",
    );
    expect(parseStep("consent-advice", { ...advice, informedNotSoughtReason: "harmful-delay" }).ok).toBe(true);
    expectStored(
      "consent-advice",
      { ...VALID["consent-advice"], informedNotSoughtReason: "unsafe" },
      VALID["consent-advice"],
    );
  });
});

describe("lawful basis", () => {
  it("fills unticked checkbox groups with empty lists", () => {
    expectStored(
      "lawful-basis",
      { article6: "art6-1-e", specialCategory: "no" },
      {
        article6: "art6-1-e",
        specialCategory: "no",
        article9: [],
        schedule1: [],
        schedule8: [],
        commonLaw: [],
        statutoryGateways: [],
      },
    );
  });

  it("drops hidden special category conditions when there is no special category data", () => {
    const result = parseStep("lawful-basis", { ...VALID["lawful-basis"], specialCategory: "no" });
    expect(result.ok && result.value).toMatchObject({
      article9: [],
      schedule1: [],
      schedule8: [],
      commonLaw: ["common-law-public-interest"],
    });
  });

  it("rejects a basis from the wrong group", () => {
    expect(errorFor(parseStep("lawful-basis", { ...VALID["lawful-basis"], article9: ["art6-1-e"] }), "article9")).toBe(
      "Select a lawful basis from the list",
    );
    expect(errorsOf(parseStep("lawful-basis", { ...VALID["lawful-basis"], article6: "art9-2-g" }))).toEqual([
      { field: "article6", message: "Select the UK GDPR Article 6 lawful basis for sharing" },
    ]);
  });
});

describe("safety", () => {
  it("asks how identities will be protected when someone needs protecting", () => {
    const input = { safetyConsiderations: "Risk of retaliation.", identitiesToProtect: ["anonymous-referrer"] };
    expect(errorsOf(parseStep("safety", input))).toEqual([
      { field: "protectionSteps", message: "Enter how you will protect their identities" },
    ]);
    expect(parseStep("safety", { ...input, protectionSteps: "Leave out who reported it." }).ok).toBe(true);
  });

  it("does not allow 'no one' together with named people", () => {
    expect(
      errorFor(
        parseStep("safety", {
          safetyConsiderations: "x",
          identitiesToProtect: ["none", "child"],
          protectionSteps: "x",
        }),
        "identitiesToProtect",
      ),
    ).toBe("Select the people whose identity needs protecting, or select no one, not both");
  });

  it("drops protection steps when no one needs protecting", () => {
    expectStored("safety", { ...VALID.safety, protectionSteps: "left over" }, VALID.safety);
  });
});

describe("information to share", () => {
  it("requires every principle to be confirmed", () => {
    const input = { ...VALID["information-to-share"], principlesConfirmed: ["necessary", "secure"] };
    expect(errorsOf(parseStep("information-to-share", input))).toEqual([
      {
        field: "principlesConfirmed",
        message: "Confirm that the information meets every principle, or change what you will share",
      },
    ]);
  });

  it("stores the principles in checklist order", () => {
    const shuffled = [...VALID["information-to-share"].principlesConfirmed].reverse();
    const result = parseStep("information-to-share", {
      ...VALID["information-to-share"],
      principlesConfirmed: shuffled,
    });
    expect(result.ok && result.value.principlesConfirmed).toEqual(VALID["information-to-share"].principlesConfirmed);
  });

  it("rejects 'recorded', which is not on the practitioner's checklist", () => {
    const input = {
      ...VALID["information-to-share"],
      principlesConfirmed: [...VALID["information-to-share"].principlesConfirmed, "recorded"],
    };
    expect(errorFor(parseStep("information-to-share", input), "principlesConfirmed")).toBeDefined();
  });
});

describe("sharing method and informing", () => {
  it("asks what the other method is", () => {
    expect(errorsOf(parseStep("sharing-method", { method: "other", securityMeasures: "Sealed envelope." }))).toEqual([
      { field: "methodOther", message: "Enter how you will share the information" },
    ]);
    expectStored("sharing-method", { ...VALID["sharing-method"], methodOther: "hidden" }, VALID["sharing-method"]);
  });

  it("asks why the person will not be told", () => {
    expect(errorsOf(parseStep("informing", { informPerson: "no" }))).toEqual([
      { field: "reasonNotInforming", message: "Enter why you will not tell them" },
    ]);
    expectStored("informing", { informPerson: "no", reasonNotInforming: "Carer may harm the child." });
    expectStored("informing", { informPerson: "yes", reasonNotInforming: "hidden" }, { informPerson: "yes" });
  });
});

describe("decision", () => {
  const decide = (overrides: Record<string, unknown>) => parseStep("decision", { ...VALID.decision, ...overrides });

  it("requires a rationale of at least 40 characters", () => {
    expect(errorFor(decide({ rationale: "Too short to explain anything." }), "rationale")).toBe(
      "Reasons for your decision must be 40 characters or more",
    );
    expect(errorFor(decide({ rationale: "x".repeat(40) }), "rationale")).toBeUndefined();
    expect(errorFor(decide({ rationale: `  ${"x".repeat(39)}  ` }), "rationale")).toBe(
      "Reasons for your decision must be 40 characters or more",
    );
  });

  it("asks the recipient on a page of its own, only when sharing, in full or in part (issue 13)", () => {
    for (const outcome of ["SHARE", "SHARE_PART"]) {
      const answers = { ...consentGivenShareAnswers(), decision: { ...VALID.decision, outcome } } as WizardAnswers;
      expect(applicableSteps(answers)).toContain("recipient");
    }
    const noShare = { ...consentGivenShareAnswers(), decision: { ...VALID.decision, outcome: "NO_SHARE" as const } };
    expect(applicableSteps(noShare)).not.toContain("recipient");
    expect(errorsOf(decide({ recipientName: "Duty team" }))).toEqual([
      { field: "_form", message: "The form contained information it should not have. Go back and try again" },
    ]);
    expect(
      errorsOf(parseStep("recipient", { recipientName: "", recipientRole: " ", recipientOrganisation: "" })).map(
        (error) => error.field,
      ),
    ).toEqual(["recipientName", "recipientRole", "recipientOrganisation"]);
  });

  it("moves an old draft's recipient from the decision's page to its own; a decision not to share drops it", () => {
    const { decision, recipient, ...rest } = consentGivenShareAnswers();
    const oldDecision = { ...decision, ...recipient };
    expect(parseAnswers({ ...rest, decision: oldDecision })).toEqual({
      ok: true,
      answers: { ...rest, decision, recipient },
    });
    const oldNoShare = { ...oldDecision, outcome: "NO_SHARE" };
    expect(parseAnswers({ ...rest, decision: oldNoShare })).toEqual({
      ok: true,
      answers: { ...rest, decision: { ...decision, outcome: "NO_SHARE" } },
    });
    // A blank recipient was never stored: an old no-share without one parses as it was.
    expect(parseAnswers({ ...rest, decision: { ...decision, outcome: "NO_SHARE" } }).ok).toBe(true);
  });

  it.each(["2025-02-30", "2025-13-01", "25-03-27", "27/03/2025", "1899-12-31", "2025-3-27"])(
    "rejects the date %s",
    (decisionDate) => {
      expect(errorFor(decide({ decisionDate }), "decisionDate")).toBe("Date of the decision must be a real date");
    },
  );

  it("accepts a leap day", () => {
    expect(decide({ decisionDate: "2024-02-29" }).ok).toBe(true);
  });
});

describe("departure reason", () => {
  it("needs a real explanation", () => {
    expect(errorsOf(parseStep("departure-reason", { departureReason: "Because." }))).toEqual([
      { field: "departureReason", message: "Reason your decision differs must be 40 characters or more" },
    ]);
  });
});

describe("guidance beside each question (issue 11)", () => {
  const pages = STEP_IDS.filter((id) => !id.endsWith("-advice"));

  it("shows each golden rule on one question page only, not page after page", () => {
    for (const ruleId of GOLDEN_RULE_IDS) {
      const shownOn = pages.filter((id) => STEPS[id].ruleIds.includes(ruleId));
      expect({ ruleId, shownOn: shownOn.length <= 1 }).toEqual({ ruleId, shownOn: true });
    }
  });

  it("shows every golden rule somewhere, rule 4 on the advice pages", () => {
    const shown = new Set(STEP_IDS.flatMap((id) => STEPS[id].ruleIds));
    expect([...shown].sort()).toEqual([...GOLDEN_RULE_IDS].sort());
    expect(STEPS["consent-advice"].ruleIds).toEqual(["seek-advice-promptly"]);
  });

  it("gives each question page a note of its own, not one shared with another page", () => {
    for (const id of pages.filter((page) => page !== "check-answers")) {
      const notes = STEPS[id].noteIds ?? [];
      const ownRule = STEPS[id].ruleIds.length > 0;
      expect({ id, guided: notes.length > 0 || ownRule }).toEqual({ id, guided: true });
      for (const noteId of notes) {
        const sharedWith = pages.filter((other) => other !== id && (STEPS[other].noteIds ?? []).includes(noteId));
        expect({ id, noteId, sharedWith }).toEqual({ id, noteId, sharedWith: [] });
      }
    }
  });
});
