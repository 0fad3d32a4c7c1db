import { describe, expect, it } from "vitest";
import { GUIDANCE_VERSION, guidanceChangesBetween } from "../guidance";
import { isAvailableTo, lawfulBasis, ORGANISATION_KINDS } from "../lawful-basis";
import {
  CONSENT_BASIS_IDS,
  applicableSteps,
  firstIncompleteStepId,
  parseAnswers,
  parseStep,
  suggestLawfulBases,
  type StepParseResult,
  type WizardAnswers,
} from "./index";
import { VALID, consentGivenShareAnswers, expectStored } from "./test-fixtures";

const errorFor = (result: StepParseResult, field: string) =>
  result.ok ? undefined : result.errors.find((error) => error.field === field)?.message;

const ADULT: WizardAnswers = {
  ...consentGivenShareAnswers(),
  concern: { ...VALID.concern, personAtRisk: "adult-at-risk" },
  "adult-at-risk": VALID["adult-at-risk"],
};

describe("whose consent, and the child's competence (Gillick)", () => {
  it("asks the child's competence only when it is the child's own consent", () => {
    expect(errorFor(parseStep("consent-from", { consentFrom: "child" }), "childCompetent")).toBe(
      "Select whether the child can decide for themselves",
    );
    expectStored("consent-from", { consentFrom: "child", childCompetent: "yes" });
    expectStored("consent-from", { consentFrom: "parent", childCompetent: "yes" }, { consentFrom: "parent" });
  });

  it("does not take consent from a child who cannot decide for themselves", () => {
    const result = parseStep("consent-from", { consentFrom: "child", childCompetent: "no" });
    expect(errorFor(result, "consentFrom")).toContain("parental responsibility");
  });

  it("takes an adult at risk's own consent, not a parent's", () => {
    const { "consent-from": _c, consent: _d, ...before } = ADULT;
    const result = parseStep("consent-from", { consentFrom: "parent" }, { answers: before });
    expect(errorFor(result, "consentFrom")).toContain("adult at risk");
  });

  it("records whose consent it was on the path before the consent question", () => {
    const path = applicableSteps(consentGivenShareAnswers());
    expect(path.indexOf("consent-from")).toBe(path.indexOf("consent") - 1);
  });
});

describe("the child's wishes and feelings", () => {
  it("are asked for every child, and not for an adult at risk", () => {
    expect(applicableSteps(consentGivenShareAnswers())).toContain("child-views");
    expect(applicableSteps(ADULT)).not.toContain("child-views");
  });

  it("are asked in an emergency too, after what was done", () => {
    const emergency: WizardAnswers = { ...consentGivenShareAnswers(), urgency: { immediateRisk: "yes" } };
    const path = applicableSteps(emergency);
    expect(path.indexOf("emergency-action")).toBeLessThan(path.indexOf("child-views"));
  });

  it("cannot be left blank", () => {
    expect(errorFor(parseStep("child-views", { wishesAndFeelings: "  " }), "wishesAndFeelings")).toContain(
      "why you could not find them out",
    );
  });
});

describe("who the information is about, and where it came from", () => {
  it("asks which agency, and warns it may not be theirs to pass on", () => {
    const result = parseStep("about-the-information", { informationAbout: ["sibling"], fromAnotherAgency: "yes" });
    expect(errorFor(result, "sourceAgency")).toBe("Enter which agency the information came from");
    expect(
      parseStep("about-the-information", {
        informationAbout: ["unborn-child"],
        fromAnotherAgency: "no",
        sourceAgency: "x",
      }),
    ).toEqual({ ok: true, value: { informationAbout: ["unborn-child"], fromAnotherAgency: "no" } });
  });

  it("links someone who may pose a risk to the criminal offence data question", () => {
    const answers: WizardAnswers = {
      ...consentGivenShareAnswers(),
      "about-the-information": { informationAbout: ["child", "person-may-pose-risk"], fromAnotherAgency: "no" },
    };
    const { criminalOffenceData: _c, ...unanswered } = { ...VALID["lawful-basis"], criminalOffenceData: undefined };
    const result = parseStep("lawful-basis", unanswered, { answers, organisationKind: "SCHOOL" });
    expect(errorFor(result, "criminalOffenceData")).toContain("someone who may pose a risk");
    const answered = parseStep(
      "lawful-basis",
      { ...unanswered, criminalOffenceData: "no" },
      { answers, organisationKind: "SCHOOL" },
    );
    expect(answered.ok).toBe(true);
  });
});

describe("the decision first, and after deciding not to share", () => {
  const notShared: WizardAnswers = {
    ...consentGivenShareAnswers(),
    decision: { ...VALID.decision, outcome: "NO_SHARE" },
  };

  it("asks whether the person who asked was told, and when to look again", () => {
    const result = parseStep("not-sharing", { requesterTold: "no", revisitDate: "2025-04-24" });
    expect(errorFor(result, "reasonNotTold")).toBe("Enter why you have not told them");
  });

  it("refuses 'no one asked' when someone did, and a date to look again in the past", () => {
    const result = parseStep(
      "not-sharing",
      { requesterTold: "no-requester", revisitDate: "2025-03-01" },
      { answers: notShared, today: "2025-03-27" },
    );
    expect(errorFor(result, "requesterTold")).toContain("Someone asked");
    expect(errorFor(result, "revisitDate")).toBe("The date to look at this decision again must be today or later");
  });
});

describe("emergency: the time action was taken, first", () => {
  it("takes a time on the 24-hour clock and a date not in the future", () => {
    const value = { ...VALID["emergency-action"], actionTime: "9:05" };
    expectStored("emergency-action", value, { ...value, actionTime: "09:05" });
    expect(errorFor(parseStep("emergency-action", { ...value, actionTime: "25:00" }), "actionTime")).toContain(
      "24-hour clock",
    );
    const future = parseStep("emergency-action", value, { today: "2025-03-26" });
    expect(errorFor(future, "actionDate")).toBe("Date action was taken must be today or in the past");
  });

  it("asks what else was done when 'something else' is ticked", () => {
    const result = parseStep("emergency-action", { ...VALID["emergency-action"], actionsTaken: ["other"] });
    expect(errorFor(result, "actionOther")).toBe("Enter what else you did");
  });
});

describe("aggregate requests (numbers, trends)", () => {
  it("need no case reference and no harm question", () => {
    const aggregate: WizardAnswers = {
      urgency: VALID.urgency,
      request: VALID.request,
      identifiable: { identifiable: "no" },
    };
    expect(firstIncompleteStepId(aggregate)).toBe("purpose");
    const path = applicableSteps(aggregate);
    for (const step of ["concern", "about-the-information", "child-views", "significant-harm"] as const) {
      expect(path).not.toContain(step);
    }
  });
});

describe("drafts saved under the previous guidance version (2026-11-law-update-v2)", () => {
  // A draft as version 2 stored it: no new steps, and the answers it had then.
  const v2Draft = {
    urgency: { immediateRisk: "no" },
    request: { origin: "own-initiative" },
    concern: { concernCategories: ["child-health-or-development"], personAtRisk: "child", caseReference: "CS-1/22" },
    "significant-harm": { significantHarm: "no", riskOfHarm: "yes" },
    purpose: { legitimatePurpose: "yes" },
    identifiable: { identifiable: "yes" },
    confidential: { confidential: "yes" },
    consent: { consent: "given" },
    safety: VALID.safety,
  };

  it("are followed by a version that lists these changes", () => {
    const changes = guidanceChangesBetween("2026-11-law-update-v2", GUIDANCE_VERSION);
    expect(changes?.map((change) => change.version)).toEqual(["2026-11-wizard-order-v3"]);
    const text = changes?.[0]?.changes.join(" ") ?? "";
    for (const topic of [/Gillick/, /wishes and feelings/, /another agency/, /emergency/i, /Reconsider/, /numbers/]) {
      expect(text).toMatch(topic);
    }
  });

  it("still parse, and send the practitioner to the first new question", () => {
    const parsed = parseAnswers(v2Draft);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(firstIncompleteStepId(parsed.answers)).toBe("about-the-information");
  });
});

describe("lawful-basis suggestions", () => {
  const atRiskNoConsent: WizardAnswers = {
    ...consentGivenShareAnswers(),
    "significant-harm": { significantHarm: "yes" },
    consent: { consent: "refused" },
  };

  it("suggest only bases the organisation can rely on, and never consent", () => {
    for (const kind of ORGANISATION_KINDS) {
      for (const answers of [consentGivenShareAnswers(), atRiskNoConsent]) {
        const suggestions = suggestLawfulBases(answers, kind);
        expect(suggestions.length).toBeGreaterThan(0);
        for (const { id, reason } of suggestions) {
          expect(isAvailableTo(lawfulBasis(id), kind)).toBe(true);
          expect(CONSENT_BASIS_IDS).not.toContain(id);
          expect(reason.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it("put the organisation's main basis first", () => {
    expect(suggestLawfulBases(atRiskNoConsent, "POLICE")[0]?.id).toBe("dpa-s35");
    expect(suggestLawfulBases(atRiskNoConsent, "LOCAL_AUTHORITY")[0]?.id).toBe("art6-1-e");
    expect(suggestLawfulBases(atRiskNoConsent, "VOLUNTARY")[0]?.id).toBe("art6-1-ea");
  });

  it("follow the answers: harm without consent brings in para 18 and s.47 where it binds", () => {
    const council = suggestLawfulBases(atRiskNoConsent, "LOCAL_AUTHORITY").map((s) => s.id);
    expect(council).toEqual(expect.arrayContaining(["art9-2-g", "dpa-sch1-para-18", "common-law-public-interest"]));
    expect(council).toContain("ca1989-s47");
    expect(suggestLawfulBases(atRiskNoConsent, "VOLUNTARY").map((s) => s.id)).not.toContain("ca1989-s47");
    expect(suggestLawfulBases(consentGivenShareAnswers(), "SCHOOL").map((s) => s.id)).not.toContain("dpa-sch1-para-18");
  });
});
