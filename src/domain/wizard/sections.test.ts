import { describe, expect, it } from "vitest";
import { draftResumePoint, sectionProgress, sectionsOnPath } from "./sections";
import { stepDefinition } from "./steps";
import { applicableSteps } from "./path";
import { consentGivenShareAnswers } from "./test-fixtures";

describe("progress by section", () => {
  it("names the sections of a routine share in the order the wizard reaches them", () => {
    const answers = consentGivenShareAnswers();
    const sections = sectionsOnPath(answers);
    expect(sections[0]).toBe("Urgency");
    expect(sections.at(-1)).toBe("Your decision");
    expect(new Set(sections).size).toBe(sections.length);
  });

  it("counts up one section at a time along the path, never down, ending at the last", () => {
    const answers = consentGivenShareAnswers();
    const numbers = applicableSteps(answers)
      .filter((step) => step !== "check-answers")
      .map((step) => sectionProgress(answers, step));
    expect(numbers[0]).toMatchObject({ number: 1, name: "Urgency" });
    for (const [i, p] of numbers.entries()) {
      expect(p.total).toBe(numbers[0]!.total);
      if (i > 0) expect(p.number - numbers[i - 1]!.number).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(p.number - numbers[i - 1]!.number).toBeLessThanOrEqual(1);
    }
    expect(numbers.at(-1)).toMatchObject({ number: numbers[0]!.total, name: "Your decision" });
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
