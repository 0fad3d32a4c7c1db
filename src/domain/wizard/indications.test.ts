/**
 * Issue 11, "Unsafe or wrong indications": one test per finding. Each failed on the code before
 * the fix (checked against commit 257e18c).
 */
import { describe, expect, it } from "vitest";
import { validateLawfulBases, type OrganisationKind } from "../lawful-basis";
import {
  ADULT_REFUSAL_OVERRIDE_REASONS,
  applicableSteps,
  departureFor,
  evaluateAnswers,
  lawfulBasisContextFrom,
  lawfulBasisSelectionFrom,
  parseStep,
  type WizardAnswers,
} from "./index";
import { VALID } from "./test-fixtures";

const START: WizardAnswers = { urgency: VALID.urgency, request: VALID.request, concern: VALID.concern };
const TO_CONSENT: WizardAnswers = {
  ...START,
  "significant-harm": { significantHarm: "no" },
  purpose: { legitimatePurpose: "yes" },
  identifiable: { identifiable: "yes" },
  confidential: { confidential: "yes" },
};
const AT_RISK: WizardAnswers = { ...TO_CONSENT, "significant-harm": { significantHarm: "yes" } };
const ADULT: WizardAnswers = { ...AT_RISK, concern: { ...VALID.concern, personAtRisk: "adult-at-risk" } };

const problemCodes = (
  answers: WizardAnswers,
  basis = VALID["lawful-basis"],
  kind: OrganisationKind = "LOCAL_AUTHORITY",
) =>
  validateLawfulBases(lawfulBasisSelectionFrom(basis), lawfulBasisContextFrom(answers, kind)).map(
    (problem) => problem.code,
  );

describe("immediate or significant risk with consent given", () => {
  const consentBasis = { ...VALID["lawful-basis"], article6: "art6-1-a" as const };

  it("does not accept consent as the lawful basis for a child at significant risk", () => {
    const answers = { ...AT_RISK, consent: { consent: "given" as const } };
    expect(problemCodes(answers, consentBasis)).toContain("CONSENT_NOT_THE_BASIS_AT_RISK");
    expect(evaluateAnswers(answers).explanation).toContain("consent is not the right lawful basis");
  });

  it("does not accept consent as the lawful basis in an emergency", () => {
    const answers: WizardAnswers = { ...START, urgency: { immediateRisk: "yes" }, consent: { consent: "given" } };
    expect(problemCodes(answers, consentBasis)).toContain("CONSENT_NOT_THE_BASIS_AT_RISK");
  });

  it("still accepts consent where there is no significant harm", () => {
    const answers = { ...TO_CONSENT, consent: { consent: "given" as const } };
    expect(problemCodes(answers, consentBasis)).not.toContain("CONSENT_NOT_THE_BASIS_AT_RISK");
  });
});

describe("not sure about significant harm", () => {
  const notSure: WizardAnswers = {
    ...TO_CONSENT,
    "significant-harm": { significantHarm: "not-sure" },
    purpose: { legitimatePurpose: "no" },
  };

  it("leads to seeking advice before anything else, like every other not sure", () => {
    expect(applicableSteps(notSure)).toContain("significant-harm-advice");
    expect(evaluateAnswers(notSure).indication).toBe("SEEK_ADVICE");
    expect(evaluateAnswers(notSure).reasonCodes).toContain("ADVICE_NEEDED_ON_SIGNIFICANT_HARM");
  });

  it("goes on with the informed answer once advice is recorded", () => {
    const advised = { ...notSure, "significant-harm-advice": VALID["significant-harm-advice"] };
    const evaluation = evaluateAnswers(advised);
    expect(evaluation.reasonCodes).toContain("ADVICE_TAKEN_ON_SIGNIFICANT_HARM");
    expect(evaluation.indication).not.toBe("SEEK_ADVICE");
  });
});

describe("significant harm with 'no legitimate purpose'", () => {
  it("does not indicate do not share: protecting a child from significant harm is a legitimate purpose", () => {
    const answers: WizardAnswers = { ...AT_RISK, purpose: { legitimatePurpose: "no" } };
    expect(evaluateAnswers(answers).indication).not.toBe("DO_NOT_SHARE");
    expect(evaluateAnswers(answers).reasonCodes).toContain("PROTECTING_FROM_SIGNIFICANT_HARM_IS_LEGITIMATE");
    expect(applicableSteps(answers)).not.toContain("purpose");
  });
});

describe("adults at risk", () => {
  const refused = { ...ADULT, consent: { consent: "refused" as const } };

  it("have their own questions: care and support needs, protecting themselves, capacity", () => {
    expect(applicableSteps(ADULT)).toContain("adult-at-risk");
    expect(applicableSteps(AT_RISK)).not.toContain("adult-at-risk");
  });

  it("never get the child override, and no explanation calls them a child", () => {
    const evaluation = evaluateAnswers(refused);
    expect(evaluation.reasonCodes).not.toContain("CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES");
    expect(evaluation.explanation).not.toMatch(/\bchild\b/i);
  });

  it("respect a capacitous adult's refusal unless others are at risk, a serious crime or coercion", () => {
    const capacitous = {
      ...refused,
      "adult-at-risk": { ...VALID["adult-at-risk"], capacity: "has-capacity" as const },
    };
    expect(applicableSteps(capacitous)).toContain("other-lawful-reason");
    expect(evaluateAnswers(capacitous).indication).toBe("INCOMPLETE");

    const othersAtRisk = {
      ...capacitous,
      "adult-at-risk": { ...capacitous["adult-at-risk"], refusalOverrideReasons: ["others-at-risk" as const] },
    };
    expect(evaluateAnswers(othersAtRisk).reasonCodes.at(-1)).toBe("ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT");
  });

  it.each(ADULT_REFUSAL_OVERRIDE_REASONS)("set aside a capacitous adult's refusal for %s alone", (reason) => {
    const overridden = {
      ...refused,
      "adult-at-risk": {
        ...VALID["adult-at-risk"],
        capacity: "has-capacity" as const,
        refusalOverrideReasons: [reason],
      },
    };
    expect(applicableSteps(overridden)).not.toContain("other-lawful-reason");
    expect(evaluateAnswers(overridden).reasonCodes.at(-1)).toBe("ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT");
    expect(evaluateAnswers(overridden).explanation).not.toMatch(/\bchild\b/i);
  });

  it("can be protected without consent when they lack capacity and meet the para 18(3) test", () => {
    const lacking = { ...refused, "adult-at-risk": VALID["adult-at-risk"] };
    const evaluation = evaluateAnswers(lacking);
    expect(evaluation.indication).toBe("SHARE");
    expect(evaluation.explanation).toContain("Sch 1 para 18");
    expect(evaluation.explanation).not.toMatch(/\bchild\b/i);

    const noNeeds = { ...lacking, "adult-at-risk": { ...VALID["adult-at-risk"], careAndSupportNeeds: "no" as const } };
    expect(evaluateAnswers(noNeeds).reasonCodes).not.toContain("ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT");
  });

  it("are not told a child is at risk when they decline to share", () => {
    const lacking = { ...refused, "adult-at-risk": VALID["adult-at-risk"] };
    const departure = departureFor({ ...lacking, decision: { ...VALID.decision, outcome: "NO_SHARE" } });
    expect(departure?.explanation ?? "").not.toMatch(/\bchild\b/i);
  });
});

describe("harm below significant, but a risk or perceived risk of it", () => {
  const refusedNoReason: WizardAnswers = {
    ...TO_CONSENT,
    "significant-harm": { significantHarm: "no", riskOfHarm: "yes" },
    consent: { consent: "refused" },
    "other-lawful-reason": { otherLawfulReason: "no" },
  };

  it("prompts the practitioner to weigh it (DfE 2024 rule 3) rather than a bare do not share", () => {
    const evaluation = evaluateAnswers(refusedNoReason);
    expect(evaluation.reasonCodes.at(-1)).toBe("NO_OTHER_LAWFUL_REASON_WEIGH_RISK_OF_HARM");
    expect(evaluation.explanation).toMatch(/golden rule 3/);
    expect(evaluation.explanation).toMatch(/weigh/);
  });

  it("asks whether there is a risk when the harm is not significant", () => {
    const result = parseStep("significant-harm", { significantHarm: "no", riskOfHarm: "yes" });
    expect(result).toEqual({ ok: true, value: { significantHarm: "no", riskOfHarm: "yes" } });
  });

  it("gives the plain do not share only when there is no risk of harm", () => {
    const noRisk: WizardAnswers = {
      ...refusedNoReason,
      "significant-harm": { significantHarm: "no", riskOfHarm: "no" },
    };
    expect(evaluateAnswers(noRisk).reasonCodes.at(-1)).toBe("NO_OTHER_LAWFUL_REASON");
  });
});

describe("Schedule 1 paragraph 18 only without consent", () => {
  const para18 = { ...VALID["lawful-basis"], schedule1: ["dpa-sch1-para-18" as const] };

  it("is refused with consent given, since para 18 is for processing without consent (para 18(2))", () => {
    expect(problemCodes({ ...TO_CONSENT, consent: { consent: "given" } }, para18)).toContain(
      "SCHEDULE_1_PARA_18_WITH_CONSENT",
    );
  });

  it("is accepted when consent was not sought for a recorded reason, or was overridden", () => {
    const notSought: WizardAnswers = {
      ...AT_RISK,
      consent: { consent: "not-sought", notSoughtReason: "unsafe" },
    };
    expect(problemCodes(notSought, para18)).not.toContain("SCHEDULE_1_PARA_18_WITH_CONSENT");
    expect(problemCodes({ ...AT_RISK, consent: { consent: "refused" } }, para18)).toEqual([]);
  });
});

describe("reasons given for another lawful reason", () => {
  const withReason = (reasonKinds: Array<"vital-interests" | "statutory-duty-or-power" | "public-interest">) => ({
    ...TO_CONSENT,
    consent: { consent: "refused" as const },
    "other-lawful-reason": { otherLawfulReason: "yes" as const, reasonKinds },
  });

  it("are checked against the lawful basis chosen later", () => {
    const noGateway = { ...VALID["lawful-basis"], statutoryGateways: [] };
    expect(problemCodes(withReason(["vital-interests"]))).toContain("REASON_WITHOUT_MATCHING_BASIS");
    expect(problemCodes(withReason(["statutory-duty-or-power"]), noGateway)).toContain("REASON_WITHOUT_MATCHING_BASIS");
    const vital = {
      ...VALID["lawful-basis"],
      article6: "art6-1-d" as const,
      article9: ["art9-2-c" as const],
      schedule1: [],
    };
    expect(problemCodes(withReason(["vital-interests"]), vital)).not.toContain("REASON_WITHOUT_MATCHING_BASIS");
    expect(problemCodes(withReason(["public-interest", "statutory-duty-or-power"]))).toEqual([]);
  });
});

describe("each organisation kind is offered only the bases it can rely on", () => {
  it("refuses Children Act 1989 s.47 for a voluntary organisation, with the reason", () => {
    const answers = { ...TO_CONSENT, consent: { consent: "given" as const } };
    const basis = { ...VALID["lawful-basis"], article6: "art6-1-f" as const };
    const problems = validateLawfulBases(lawfulBasisSelectionFrom(basis), lawfulBasisContextFrom(answers, "VOLUNTARY"));
    expect(problems.map((problem) => problem.code)).toEqual(["NOT_AVAILABLE_TO_ORGANISATION"]);
    expect(problems[0]?.message).toContain("s.47(11)");
  });

  it("does not let the police combine UK GDPR bases with Schedule 8 (Part 3 is DPA 2018 s.35)", () => {
    const answers = { ...AT_RISK, consent: { consent: "refused" as const } };
    const mixed = { ...VALID["lawful-basis"], statutoryGateways: [], schedule8: ["dpa-sch8-para-4" as const] };
    expect(problemCodes(answers, mixed, "POLICE")).toContain("SCHEDULE_8_NEEDS_PART_3");
    const part3 = { ...mixed, article6: "dpa-s35" as const, article9: [], schedule1: [] };
    expect(problemCodes(answers, part3, "POLICE")).toEqual([]);
  });
});
