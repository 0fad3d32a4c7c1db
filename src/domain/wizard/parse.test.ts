import { describe, expect, it } from "vitest";
import {
  FORM_ERROR_FIELD,
  collectFormInput,
  consentGiven,
  parseAnswers,
  parseStep,
  summariseAnswer,
  treatedAsConfidential,
  type WizardAnswers,
} from "./index";
import { VALID, consentGivenShareAnswers } from "./test-fixtures";

const UP_TO_LAWFUL_BASIS: WizardAnswers = (() => {
  const {
    "lawful-basis": _l,
    safety: _s,
    "information-to-share": _i,
    "sharing-method": _m,
    informing: _f,
    ...rest
  } = consentGivenShareAnswers();
  return rest;
})();

describe("parseStep with the draft as context", () => {
  it("refuses an unknown step id", () => {
    expect(parseStep("not-a-step", {})).toEqual({
      ok: false,
      errors: [{ field: FORM_ERROR_FIELD, message: "This question does not exist" }],
    });
  });

  it("refuses a step that the answers have made irrelevant", () => {
    const answers = { ...UP_TO_LAWFUL_BASIS };
    expect(parseStep("purpose-advice", VALID["purpose-advice"], { answers })).toEqual({
      ok: false,
      errors: [
        {
          field: FORM_ERROR_FIELD,
          message: "This question does not apply to the answers you have given. Go back and check your answers",
        },
      ],
    });
  });

  it("refuses a step posted before the earlier ones are answered", () => {
    expect(parseStep("decision", VALID.decision, { answers: { urgency: VALID.urgency } })).toEqual({
      ok: false,
      errors: [{ field: FORM_ERROR_FIELD, message: "Answer the earlier questions first" }],
    });
  });

  it("accepts the next step in order", () => {
    expect(
      parseStep("lawful-basis", VALID["lawful-basis"], { answers: UP_TO_LAWFUL_BASIS, organisationKind: "SCHOOL" }),
    ).toEqual({
      ok: true,
      value: VALID["lawful-basis"],
    });
  });

  it("checks the lawful basis against the organisation", () => {
    const result = parseStep(
      "lawful-basis",
      { ...VALID["lawful-basis"], article6: "art6-1-f" },
      { answers: UP_TO_LAWFUL_BASIS, organisationKind: "LOCAL_AUTHORITY" },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: "article6",
          message:
            "Public authorities cannot rely on legitimate interests for their tasks. Select public task or " +
            "another basis",
        },
      ],
    });
  });

  it("allows consent as a basis only when consent was given", () => {
    const consentBasis = { ...VALID["lawful-basis"], article6: "art6-1-a" };
    expect(
      parseStep("lawful-basis", consentBasis, { answers: UP_TO_LAWFUL_BASIS, organisationKind: "HEALTH" }).ok,
    ).toBe(true);
    const refused: WizardAnswers = {
      ...UP_TO_LAWFUL_BASIS,
      consent: { consent: "refused" },
      "other-lawful-reason": { otherLawfulReason: "yes", reasonKinds: ["public-function"] },
    };
    const result = parseStep("lawful-basis", consentBasis, { answers: refused, organisationKind: "HEALTH" });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(["article6"]);
  });

  it("needs a common-law reason for confidential information only", () => {
    const noCommonLaw = { ...VALID["lawful-basis"], commonLaw: [] };
    const confidentialResult = parseStep("lawful-basis", noCommonLaw, {
      answers: UP_TO_LAWFUL_BASIS,
      organisationKind: "SCHOOL",
    });
    expect(confidentialResult.ok ? [] : confidentialResult.errors).toEqual([
      { field: "commonLaw", message: "Select why sharing this confidential information is justified" },
    ]);
    const notConfidential: WizardAnswers = {
      ...UP_TO_LAWFUL_BASIS,
      confidential: { confidential: "no" },
      consent: undefined,
    };
    expect(parseStep("lawful-basis", noCommonLaw, { answers: notConfidential, organisationKind: "SCHOOL" }).ok).toBe(
      true,
    );
  });

  it("refuses a decision dated in the future", () => {
    const answers = { ...consentGivenShareAnswers(), decision: undefined };
    expect(parseStep("decision", VALID.decision, { answers, today: "2025-03-26" })).toEqual({
      ok: false,
      errors: [{ field: "decisionDate", message: "Date of the decision must be today or in the past" }],
    });
    expect(parseStep("decision", VALID.decision, { answers, today: "2025-03-27" }).ok).toBe(true);
  });

  it("reports one error per field, in the order the fields appear", () => {
    const result = parseStep("decision", { decisionDate: "nonsense", outcome: "SHARE", rationale: "short" });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([
      "rationale",
      "purpose",
      "decisionDate",
    ]);
  });
});

describe("consentGiven and treatedAsConfidential", () => {
  it("use the answer given after advice", () => {
    const unsure: WizardAnswers = { ...UP_TO_LAWFUL_BASIS, consent: { consent: "not-sure" } };
    expect(consentGiven(unsure)).toBe(false);
    expect(consentGiven({ ...unsure, "consent-advice": { ...VALID["consent-advice"], informedAnswer: "given" } })).toBe(
      true,
    );
  });

  it("treat information as confidential unless the practitioner said otherwise", () => {
    expect(treatedAsConfidential({})).toBe(true);
    expect(treatedAsConfidential(UP_TO_LAWFUL_BASIS)).toBe(true);
    expect(treatedAsConfidential({ ...UP_TO_LAWFUL_BASIS, confidential: { confidential: "no" } })).toBe(false);
    expect(treatedAsConfidential({ ...UP_TO_LAWFUL_BASIS, identifiable: { identifiable: "no" } })).toBe(false);
  });
});

describe("parseAnswers", () => {
  it("accepts a stored draft and returns it unchanged", () => {
    const draft = JSON.parse(JSON.stringify(consentGivenShareAnswers())) as unknown;
    expect(parseAnswers(draft)).toEqual({ ok: true, answers: consentGivenShareAnswers() });
  });

  it("refuses unknown steps and tampered values", () => {
    const result = parseAnswers({
      ...consentGivenShareAnswers(),
      concern: { ...VALID.concern, childName: "Sam" },
      nickname: {},
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          stepId: "concern",
          errors: [
            {
              field: FORM_ERROR_FIELD,
              message: "The form contained information it should not have. Go back and try again",
            },
          ],
        },
        { stepId: "nickname", errors: [{ field: FORM_ERROR_FIELD, message: "This question does not exist" }] },
      ],
    });
  });

  it("refuses something that is not an object", () => {
    for (const stored of [null, [], "answers", 3]) expect(parseAnswers(stored).ok).toBe(false);
  });
});

describe("collectFormInput", () => {
  it("gathers checkbox values into lists, even a single one", () => {
    expect(
      collectFormInput("concern", [
        ["concernCategories", "parent-may-need-help"],
        ["personAtRisk", "child"],
        ["caseReference", "REF-1"],
      ]),
    ).toEqual({ concernCategories: ["parent-may-need-help"], personAtRisk: "child", caseReference: "REF-1" });
    expect(
      collectFormInput("concern", [
        ["concernCategories", "parent-may-need-help"],
        ["concernCategories", "person-may-pose-risk"],
      ]),
    ).toEqual({ concernCategories: ["parent-may-need-help", "person-may-pose-risk"] });
  });

  it("joins GOV.UK date parts into an ISO date", () => {
    const input = collectFormInput("decision", [
      ["decisionDate-day", "7"],
      ["decisionDate-month", "3"],
      ["decisionDate-year", "2025"],
    ]);
    expect(input).toEqual({ decisionDate: "2025-03-07" });
    expect(
      collectFormInput("decision", [
        ["decisionDate-day", ""],
        ["decisionDate-month", ""],
        ["decisionDate-year", ""],
      ]),
    ).toEqual({
      decisionDate: "",
    });
  });

  it("keeps repeated values for a single-choice field, so the schema rejects them", () => {
    const input = collectFormInput("urgency", [
      ["immediateRisk", "yes"],
      ["immediateRisk", "no"],
    ]);
    expect(input).toEqual({ immediateRisk: ["yes", "no"] });
    expect(parseStep("urgency", input).ok).toBe(false);
  });

  it("passes unexpected fields through so the schema can refuse them", () => {
    const input = collectFormInput("urgency", [
      ["immediateRisk", "no"],
      ["dateOfBirth-day", "1"],
    ]);
    expect(input).toEqual({ immediateRisk: "no", "dateOfBirth-day": "1" });
    expect(parseStep("urgency", input).ok).toBe(false);
  });
});

describe("summariseAnswer", () => {
  it("shows option labels rather than stored values", () => {
    expect(summariseAnswer("concern", VALID.concern)).toEqual([
      {
        field: "concernCategories",
        label: "What is the concern about?",
        lines: ["The child's health or development, or their exposure to possible harm"],
      },
      { field: "personAtRisk", label: "Who is the information about?", lines: ["A child or young person under 18"] },
      { field: "caseReference", label: "Your organisation's case reference", lines: ["CS-2024/0173"] },
    ]);
  });

  it("leaves out unanswered and empty fields", () => {
    expect(
      summariseAnswer("lawful-basis", {
        ...VALID["lawful-basis"],
        specialCategory: "no",
        article9: [],
        schedule1: [],
      }).map((row) => row.field),
    ).toEqual(["article6", "specialCategory", "commonLaw", "statutoryGateways"]);
  });
});
