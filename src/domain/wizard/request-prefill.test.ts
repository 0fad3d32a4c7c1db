import { describe, expect, it } from "vitest";
import { firstIncompleteStepId } from "./path";
import { prefillFromRequest } from "./request-prefill";

const facts = {
  requesterName: "Tom Baker",
  requesterRole: "Class teacher",
  requestingOrganisation: "Riverside Primary School",
  purpose: "Jamie has had unexplained bruising twice this month.",
  knownCaseReference: null,
};

describe("prefillFromRequest", () => {
  it("answers who asked, and leaves the practitioner to start from the first question", () => {
    const { answers } = prefillFromRequest(facts);
    expect(answers).toEqual({
      request: {
        origin: "request",
        requesterName: "Tom Baker",
        requesterRole: "Class teacher",
        requesterOrganisation: "Riverside Primary School",
      },
    });
    expect(firstIncompleteStepId(answers)).toBe("urgency");
  });

  it("offers the purpose, the recipient on its own page, and identifiable, without deciding them", () => {
    const { answers, formDefaults } = prefillFromRequest(facts);
    expect(answers.decision).toBeUndefined();
    expect(answers.recipient).toBeUndefined();
    expect(answers.identifiable).toBeUndefined();
    expect(formDefaults.decision).toEqual({ purpose: facts.purpose });
    expect(formDefaults.recipient).toEqual({
      recipientName: "Tom Baker",
      recipientRole: "Class teacher",
      recipientOrganisation: "Riverside Primary School",
    });
    expect(formDefaults.identifiable).toEqual({ identifiable: "yes" });
  });

  it("offers the responding side's case reference only when one is known", () => {
    expect(prefillFromRequest(facts).formDefaults.concern).toBeUndefined();
    expect(prefillFromRequest({ ...facts, knownCaseReference: "NHT-0042" }).formDefaults.concern).toEqual({
      caseReference: "NHT-0042",
    });
  });

  it("leaves the request page for the practitioner to complete when the requester's role is not recorded", () => {
    const { answers, formDefaults } = prefillFromRequest({ ...facts, requesterRole: null });
    expect(answers.request).toBeUndefined();
    expect(formDefaults.request).toMatchObject({ origin: "request", requesterName: "Tom Baker", requesterRole: "" });
    expect(formDefaults.recipient).not.toHaveProperty("recipientRole");
  });
});
