import { describe, expect, it } from "vitest";
import { consultationLinkSchema, consultationSchema, findIdentifiers } from "./index";

describe("findIdentifiers", () => {
  it.each([
    ["NHS number 943 476 5919 on the referral", ["NHS_NUMBER"]],
    ["their number is 9434765919", ["NHS_NUMBER"]],
    ["a boy, DOB 03/04/2015, at a primary school", ["DATE_OF_BIRTH"]],
    ["born 3 April 2015", ["DATE_OF_BIRTH"]],
    ["lives near SW1A 1AA", ["POSTCODE"]],
    ["lives at M1 1AE", ["POSTCODE"]],
    ["mum's email is jane@example.com", ["EMAIL"]],
    ["call 07700 900123", ["PHONE_NUMBER"]],
  ])("finds an identifier in %j", (text, kinds) => {
    expect(findIdentifiers(text)).toEqual(kinds);
  });

  it.each([
    "A Year 5 pupil has told a teacher that an adult at home hits them. Can we share with the school nurse?",
    "A 14 year old in a family we work with may be missing school; two siblings, parents separated.",
    "Another agency asked for attendance records for 3 children in the last 12 months.",
  ])("lets a question in general terms through: %j", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });
});

describe("consultationSchema", () => {
  const form = {
    adviserKind: "MASH",
    adviser: "MASH consultation line, duty social worker",
    question: "A primary-age child has disclosed bruising from a parent. Do I need consent to refer?",
    advice: "Refer without seeking consent: there is a risk of significant harm.",
    "consultedOn-day": "28",
    "consultedOn-month": "11",
    "consultedOn-year": "2026",
  };

  it("accepts a consultation in general terms", () => {
    expect(consultationSchema("2026-11-29").parse(form)).toEqual({
      adviserKind: "MASH",
      adviser: form.adviser,
      question: form.question,
      advice: form.advice,
      consultedOn: "2026-11-28",
    });
  });

  it("refuses a question with an identifier, saying which kind", () => {
    const result = consultationSchema("2026-11-29").safeParse({
      ...form,
      question: "Child DOB 01/02/2016, NHS 9434765919",
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === "question");
    expect(issue?.message).toContain("an NHS number or a date of birth");
  });

  it("refuses a date in the future or not a real day", () => {
    expect(consultationSchema("2026-11-27").safeParse(form).success).toBe(false);
    expect(
      consultationSchema("2026-11-29").safeParse({ ...form, "consultedOn-day": "31", "consultedOn-month": "2" })
        .success,
    ).toBe(false);
  });

  it("has no place for a case reference", () => {
    expect(consultationSchema("2026-11-29").safeParse({ ...form, caseReference: "CR-1" }).success).toBe(false);
  });
});

describe("consultationLinkSchema", () => {
  it("needs the reference of what it links to", () => {
    expect(consultationLinkSchema.safeParse({ linkTo: "decision" }).success).toBe(false);
    expect(consultationLinkSchema.parse({ linkTo: "decision", decisionReference: "dec-abcd-1234" })).toEqual({
      kind: "decision",
      reference: "DEC-ABCD-1234",
    });
    expect(consultationLinkSchema.parse({ linkTo: "case", caseReference: "CS-2026-0001" })).toEqual({
      kind: "case",
      reference: "CS-2026-0001",
    });
  });
});
