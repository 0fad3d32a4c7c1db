import { describe, expect, it } from "vitest";
import { DECISION_REFERENCE_PATTERN, newDecisionReference, normaliseDecisionReference } from "./reference";

describe("newDecisionReference", () => {
  it("encodes 40 bits as two groups of four Crockford characters", () => {
    expect(newDecisionReference(new Uint8Array([0, 0, 0, 0, 0]))).toBe("DEC-0000-0000");
    expect(newDecisionReference(new Uint8Array([255, 255, 255, 255, 255]))).toBe("DEC-ZZZZ-ZZZZ");
    expect(newDecisionReference(new Uint8Array([0, 0, 0, 0, 33]))).toBe("DEC-0000-0011");
  });
  it("makes references that match the pattern and differ", () => {
    const references = new Set(Array.from({ length: 200 }, () => newDecisionReference()));
    expect(references.size).toBe(200);
    for (const reference of references) expect(reference).toMatch(DECISION_REFERENCE_PATTERN);
  });
});

describe("normaliseDecisionReference", () => {
  it.each([
    ["DEC-7K4Q-M2XD", "DEC-7K4Q-M2XD"],
    ["dec-7k4q-m2xd", "DEC-7K4Q-M2XD"],
    [" dec 7k4q m2xd ", "DEC-7K4Q-M2XD"],
    ["7K4QM2XD", "DEC-7K4Q-M2XD"],
    ["DEC-7K4Q-M2X", null],
    ["DEC-7K4Q-M2XU", null],
    ["../../etc", null],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseDecisionReference(input)).toBe(expected);
  });
});
