import { describe, expect, it } from "vitest";
import { answerRequestInputSchema, isValidNhsNumber, sendRequestInputSchema } from "./request-input";
import { statusAfter } from "./status";
import { fullRequestFields } from "./test-fixtures";

const VALID = fullRequestFields("0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f");

describe("sendRequestInputSchema", () => {
  it("reads a full request, with the date's three boxes joined and the NHS number's spaces removed", () => {
    const parsed = sendRequestInputSchema.parse(VALID);
    expect(parsed.childDateOfBirth).toBe("2016-03-27");
    expect(parsed.nhsNumber).toBe("9434765919");
  });
  it("allows the date of birth and NHS number to be left blank", () => {
    const parsed = sendRequestInputSchema.parse({
      ...VALID,
      nhsNumber: "",
      "childDateOfBirth-day": "",
      "childDateOfBirth-month": "",
      "childDateOfBirth-year": "",
    });
    expect(parsed.childDateOfBirth).toBeNull();
    expect(parsed.nhsNumber).toBeNull();
  });
  it("refuses a day that does not exist, an NHS number with a wrong check digit, and no priority", () => {
    const result = sendRequestInputSchema.safeParse({
      ...VALID,
      "childDateOfBirth-day": "31",
      "childDateOfBirth-month": "2",
      nhsNumber: "9434765918",
      priority: "PURPLE",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["nhsNumber", "priority"]));
  });
  it("refuses fields it does not know", () => {
    expect(sendRequestInputSchema.safeParse({ ...VALID, extra: "x" }).success).toBe(false);
  });
});

describe("isValidNhsNumber", () => {
  it.each([
    ["9434765919", true],
    ["9434765918", false],
    ["123", false],
    ["abcdefghij", false],
  ])("%s -> %s", (value, valid) => expect(isValidNhsNumber(value)).toBe(valid));
});

describe("answerRequestInputSchema", () => {
  it("needs the information for a share and reasons for a no-share", () => {
    expect(answerRequestInputSchema.safeParse({ answer: "SHARE", information: "" }).success).toBe(false);
    expect(answerRequestInputSchema.safeParse({ answer: "NO_SHARE", reasons: "short" }).success).toBe(false);
    expect(answerRequestInputSchema.parse({ answer: "NO_SHARE", reasons: "No record of this child here." })).toEqual({
      answer: "NO_SHARE",
      body: "No record of this child here.",
    });
  });
});

describe("statusAfter", () => {
  it("moves a request through its steps and refuses steps out of order", () => {
    expect(statusAfter("acknowledge", "RECEIVED")).toBe("ACKNOWLEDGED");
    expect(statusAfter("acknowledge", "ACKNOWLEDGED")).toBeNull();
    expect(statusAfter("assign", "ACKNOWLEDGED")).toBe("ACKNOWLEDGED");
    expect(statusAfter("answer", "RECEIVED")).toBe("ANSWERED");
    expect(statusAfter("answer", "ANSWERED")).toBeNull();
    expect(statusAfter("confirm-receipt", "ACKNOWLEDGED")).toBeNull();
    expect(statusAfter("confirm-receipt", "ANSWERED")).toBe("RECEIPT_CONFIRMED");
    expect(statusAfter("assign", "RECEIPT_CONFIRMED")).toBeNull();
  });
});
