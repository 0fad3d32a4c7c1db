import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADVISABLE_QUESTION_IDS,
  FLOWCHART,
  FLOWCHART_QUESTION_IDS,
  OUTCOME_EXPLANATIONS,
  evaluateFlowchart,
  type AdvisableQuestionId,
  type FlowchartAnswers,
  type FlowchartEvaluation,
  type Indication,
} from "./index";

const evaluate = (given: FlowchartAnswers["given"], extra: Omit<FlowchartAnswers, "given"> = {}): FlowchartEvaluation =>
  evaluateFlowchart({ given, ...extra });

const ROUTINE = { "immediate-risk": "no", purpose: "yes", identifiable: "yes", confidential: "yes" } as const;

describe("the flowchart data", () => {
  it("asks the questions in the 2018 order", () => {
    expect(FLOWCHART_QUESTION_IDS).toEqual(
      "immediate-risk purpose identifiable confidential consent other-lawful-reason".split(" "),
    );
  });

  it("routes every answer to a real question or an indication", () => {
    for (const question of Object.values(FLOWCHART)) {
      for (const route of Object.values(question.routes)) {
        if ("next" in route) expect(FLOWCHART_QUESTION_IDS).toContain(route.next);
        else expect(["SHARE", "DO_NOT_SHARE", "EMERGENCY"]).toContain(route.indication);
      }
    }
  });

  it("offers 'not sure' on every question except immediate risk", () => {
    for (const id of ADVISABLE_QUESTION_IDS) {
      expect(FLOWCHART[id].options.map((option) => option.value)).toContain("not-sure");
    }
    expect(FLOWCHART["immediate-risk"].options.map((option) => option.value)).toEqual(["yes", "no"]);
  });

  it("offers the four consent statuses", () => {
    expect(FLOWCHART.consent.options.map((option) => option.value)).toEqual(
      "given refused withdrawn not-sought not-sure".split(" "),
    );
  });

  it("has a plain-English explanation for every way it can end", () => {
    for (const question of Object.values(FLOWCHART)) {
      const endings = [...Object.values(question.routes), question.whenChildAtRiskOfSignificantHarm];
      for (const route of endings) {
        if (route && "indication" in route) {
          expect(OUTCOME_EXPLANATIONS[route.reasonCode]?.length).toBeGreaterThan(40);
        }
      }
    }
  });
});

describe("evaluateFlowchart: every path to an indication", () => {
  it.each<[string, FlowchartAnswers["given"], boolean, FlowchartEvaluation["indication"], string[]]>([
    ["immediate risk", { "immediate-risk": "yes" }, false, "EMERGENCY", ["IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"]],
    [
      "no legitimate purpose",
      { "immediate-risk": "no", purpose: "no" },
      false,
      "DO_NOT_SHARE",
      ["NO_IMMEDIATE_RISK", "NO_LEGITIMATE_PURPOSE"],
    ],
    [
      "not identifiable",
      { "immediate-risk": "no", purpose: "yes", identifiable: "no" },
      false,
      "SHARE",
      ["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "NOT_IDENTIFIABLE"],
    ],
    [
      "not confidential",
      { ...ROUTINE, confidential: "no" },
      false,
      "SHARE",
      ["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "IDENTIFIABLE", "NOT_CONFIDENTIAL"],
    ],
    [
      "consent given",
      { ...ROUTINE, consent: "given" },
      false,
      "SHARE",
      ["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "IDENTIFIABLE", "CONFIDENTIAL", "CONSENT_GIVEN"],
    ],
    ...(["refused", "withdrawn", "not-sought"] as const).flatMap((consent) => {
      const consentCode = {
        refused: "CONSENT_REFUSED",
        withdrawn: "CONSENT_WITHDRAWN",
        "not-sought": "CONSENT_NOT_SOUGHT",
      }[consent];
      const prefix = ["NO_IMMEDIATE_RISK", "LEGITIMATE_PURPOSE", "IDENTIFIABLE", "CONFIDENTIAL", consentCode];
      return [
        [
          `consent ${consent}, another lawful reason`,
          { ...ROUTINE, consent, "other-lawful-reason": "yes" },
          false,
          "SHARE",
          [...prefix, "OTHER_LAWFUL_REASON"],
        ],
        [
          `consent ${consent}, no other lawful reason`,
          { ...ROUTINE, consent, "other-lawful-reason": "no" },
          false,
          "DO_NOT_SHARE",
          [...prefix, "NO_OTHER_LAWFUL_REASON"],
        ],
        [
          `consent ${consent}, child at risk of significant harm`,
          { ...ROUTINE, consent },
          true,
          "SHARE",
          // Protecting a child from significant harm is itself the legitimate purpose.
          [
            ...prefix.map((code) =>
              code === "LEGITIMATE_PURPOSE" ? "PROTECTING_FROM_SIGNIFICANT_HARM_IS_LEGITIMATE" : code,
            ),
            "CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES",
          ],
        ],
      ] as [string, FlowchartAnswers["given"], boolean, FlowchartEvaluation["indication"], string[]][];
    }),
  ])("%s", (_, given, childAtRisk, indication, reasonCodes) => {
    const result = evaluate(given, { childAtRiskOfSignificantHarm: childAtRisk });
    expect(result.indication).toBe(indication);
    expect(result.reasonCodes).toEqual(reasonCodes);
    expect(result.nextQuestion).toBeUndefined();
    expect(result.explanation).toBe(OUTCOME_EXPLANATIONS[reasonCodes.at(-1) as keyof typeof OUTCOME_EXPLANATIONS]);
  });

  it("lets significant harm outweigh even a 'no' to the other-lawful-reason question", () => {
    const result = evaluate(
      { ...ROUTINE, consent: "refused", "other-lawful-reason": "no" },
      { childAtRiskOfSignificantHarm: true },
    );
    expect(result.indication).toBe("SHARE");
    expect(result.reasonCodes.at(-1)).toBe("CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES");
  });

  it("does not let consent be the basis when a child is at risk of significant harm (DfE 2024 rule 3)", () => {
    const result = evaluate({ ...ROUTINE, consent: "given" }, { childAtRiskOfSignificantHarm: true });
    expect(result.indication).toBe("SHARE");
    expect(result.reasonCodes.at(-1)).toBe("AT_RISK_CONSENT_IS_NOT_THE_BASIS");
    expect(result.explanation).toContain("consent is not the right lawful basis");
  });

  it("treats immediate risk as overriding every other answer", () => {
    const result = evaluate({ "immediate-risk": "yes", purpose: "no", consent: "refused" });
    expect(result).toEqual({
      indication: "EMERGENCY",
      reasonCodes: ["IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"],
      explanation: OUTCOME_EXPLANATIONS.IMMEDIATE_RISK_OF_SIGNIFICANT_HARM,
    });
    expect(result.explanation).toContain("straight afterwards");
  });
});

describe("evaluateFlowchart: unanswered questions", () => {
  it.each<[FlowchartAnswers["given"], string]>([
    [{}, "immediate-risk"],
    [{ "immediate-risk": "no" }, "purpose"],
    [{ "immediate-risk": "no", purpose: "yes" }, "identifiable"],
    [{ "immediate-risk": "no", purpose: "yes", identifiable: "yes" }, "confidential"],
    [ROUTINE, "consent"],
    [{ ...ROUTINE, consent: "refused" }, "other-lawful-reason"],
  ])("stops at the first unanswered question (%j)", (given, nextQuestion) => {
    const result = evaluate(given);
    expect(result.indication).toBe("INCOMPLETE");
    expect(result.nextQuestion).toBe(nextQuestion);
    expect(result.explanation).toBe(
      `Answer the next question: ${FLOWCHART[nextQuestion as keyof typeof FLOWCHART].question}`,
    );
  });

  it("ignores answers beyond the point where the flowchart ends", () => {
    expect(evaluate({ "immediate-risk": "no", purpose: "no", identifiable: "yes", consent: "given" }).indication).toBe(
      "DO_NOT_SHARE",
    );
  });

  it("treats an unrecognised stored answer as unanswered", () => {
    const result = evaluate({ "immediate-risk": "no", purpose: "maybe" as never });
    expect(result).toMatchObject({ indication: "INCOMPLETE", nextQuestion: "purpose" });
  });
});

describe("evaluateFlowchart: every 'not sure'", () => {
  const upTo = {
    purpose: { "immediate-risk": "no" },
    identifiable: { "immediate-risk": "no", purpose: "yes" },
    confidential: { "immediate-risk": "no", purpose: "yes", identifiable: "yes" },
    consent: ROUTINE,
    "other-lawful-reason": { ...ROUTINE, consent: "refused" },
  } as const;
  const neededCode = {
    purpose: "ADVICE_NEEDED_ON_PURPOSE",
    identifiable: "ADVICE_NEEDED_ON_IDENTIFIABLE",
    confidential: "ADVICE_NEEDED_ON_CONFIDENTIAL",
    consent: "ADVICE_NEEDED_ON_CONSENT",
    "other-lawful-reason": "ADVICE_NEEDED_ON_OTHER_LAWFUL_REASON",
  } as const;

  it.each(ADVISABLE_QUESTION_IDS)("'not sure' about %s leads to seek advice", (questionId) => {
    const result = evaluate({ ...upTo[questionId], [questionId]: "not-sure" });
    expect(result.indication).toBe("SEEK_ADVICE");
    expect(result.nextQuestion).toBe(questionId);
    expect(result.reasonCodes.at(-1)).toBe(neededCode[questionId]);
    expect(result.explanation).toContain(`You are not sure ${FLOWCHART[questionId].notSurePhrase}`);
    expect(result.explanation).toContain("designated safeguarding lead");
  });

  // Where each informed answer leads after advice: [indication, the reason code of its route].
  const afterAdviceLeadsTo: { [Q in AdvisableQuestionId]: Record<string, [Indication, string]> } = {
    purpose: { yes: ["INCOMPLETE", "LEGITIMATE_PURPOSE"], no: ["DO_NOT_SHARE", "NO_LEGITIMATE_PURPOSE"] },
    identifiable: { no: ["SHARE", "NOT_IDENTIFIABLE"], yes: ["INCOMPLETE", "IDENTIFIABLE"] },
    confidential: { no: ["SHARE", "NOT_CONFIDENTIAL"], yes: ["INCOMPLETE", "CONFIDENTIAL"] },
    consent: {
      given: ["SHARE", "CONSENT_GIVEN"],
      refused: ["INCOMPLETE", "CONSENT_REFUSED"],
      withdrawn: ["INCOMPLETE", "CONSENT_WITHDRAWN"],
      "not-sought": ["INCOMPLETE", "CONSENT_NOT_SOUGHT"],
    },
    "other-lawful-reason": { yes: ["SHARE", "OTHER_LAWFUL_REASON"], no: ["DO_NOT_SHARE", "NO_OTHER_LAWFUL_REASON"] },
  };
  const afterAdviceCases = ADVISABLE_QUESTION_IDS.flatMap((questionId) =>
    Object.entries(afterAdviceLeadsTo[questionId]).map(([informedAnswer, [indication, routeCode]]) => {
      const takenCode = neededCode[questionId].replace("ADVICE_NEEDED_ON_", "ADVICE_TAKEN_ON_");
      return [questionId, informedAnswer, indication, `${takenCode},${routeCode}`] as const;
    }),
  );

  it.each(afterAdviceCases)("after advice, %s → %s", (questionId, informedAnswer, indication, lastCodes) => {
    const given = { ...upTo[questionId], [questionId]: "not-sure" } as FlowchartAnswers["given"];
    const afterAdvice = { [questionId]: informedAnswer } as FlowchartAnswers["afterAdvice"];
    const result = evaluate(given, { afterAdvice });
    expect(result.indication).toBe(indication);
    const codes = lastCodes.split(",");
    const taken = result.reasonCodes.indexOf(codes[0] as never);
    expect(taken).toBeGreaterThan(0);
    expect(result.reasonCodes[taken - 1]).toMatch(/^ADVICE_NEEDED_ON_/);
    expect(result.reasonCodes.slice(taken, taken + 2)).toEqual(codes);
  });

  it("records advice on several questions along one path", () => {
    const result = evaluate(
      { "immediate-risk": "no", purpose: "not-sure", identifiable: "yes", confidential: "not-sure", consent: "given" },
      { afterAdvice: { purpose: "yes", confidential: "yes" } },
    );
    expect(result.reasonCodes).toEqual([
      "NO_IMMEDIATE_RISK",
      "ADVICE_NEEDED_ON_PURPOSE",
      "ADVICE_TAKEN_ON_PURPOSE",
      "LEGITIMATE_PURPOSE",
      "IDENTIFIABLE",
      "ADVICE_NEEDED_ON_CONFIDENTIAL",
      "ADVICE_TAKEN_ON_CONFIDENTIAL",
      "CONFIDENTIAL",
      "CONSENT_GIVEN",
    ]);
    expect(result.indication).toBe("SHARE");
  });

  it("ignores advice recorded for a question not answered 'not sure'", () => {
    expect(evaluate({ "immediate-risk": "no", purpose: "yes" }, { afterAdvice: { purpose: "no" } }).indication).toBe(
      "INCOMPLETE",
    );
  });

  it("does not need advice on the other-lawful-reason question when significant harm answers it", () => {
    const result = evaluate(
      { ...ROUTINE, consent: "refused", "other-lawful-reason": "not-sure" },
      { childAtRiskOfSignificantHarm: true },
    );
    expect(result.indication).toBe("SHARE");
  });
});

describe("evaluateFlowchart: properties over any answers", () => {
  const yesNoNotSure = fc.constantFrom("yes", "no", "not-sure", undefined);
  const answersArbitrary = fc.record({
    given: fc.record({
      "immediate-risk": fc.constantFrom("yes", "no", undefined),
      purpose: yesNoNotSure,
      identifiable: yesNoNotSure,
      confidential: yesNoNotSure,
      consent: fc.constantFrom("given", "refused", "withdrawn", "not-sought", "not-sure", undefined),
      "other-lawful-reason": yesNoNotSure,
    }),
    afterAdvice: fc.record({
      purpose: fc.constantFrom("yes", "no", undefined),
      consent: fc.constantFrom("given", "refused", undefined),
    }),
    childAtRiskOfSignificantHarm: fc.boolean(),
  }) as fc.Arbitrary<FlowchartAnswers>;

  it("names a next question exactly when unfinished, and explains every result", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluateFlowchart(answers);
        const unfinished = result.indication === "INCOMPLETE" || result.indication === "SEEK_ADVICE";
        expect(result.nextQuestion !== undefined).toBe(unfinished);
        expect(result.explanation.length).toBeGreaterThan(20);
        if (result.indication === "EMERGENCY") expect(answers.given["immediate-risk"]).toBe("yes");
        if (result.indication === "SEEK_ADVICE" && result.nextQuestion) {
          expect(answers.given[result.nextQuestion]).toBe("not-sure");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never indicates sharing after 'no legitimate purpose'", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluateFlowchart(answers);
        if (result.reasonCodes.includes("NO_LEGITIMATE_PURPOSE")) expect(result.indication).toBe("DO_NOT_SHARE");
      }),
      { numRuns: 300 },
    );
  });
});
