import { describe, expect, it } from "vitest";
import { arrangementFormSchema, arrangementPlaceForStep, arrangementsFor, parseArrangementStamp } from "./index";

const arrangements = [
  { kind: "AGREEMENT" as const, title: "Northshire multi-agency information sharing protocol" },
  { kind: "ADVICE_CONTACT" as const, title: "MASH consultation line" },
  { kind: "ESCALATION_ROUTE" as const, title: "Northshire escalation policy" },
  { kind: "AGREEMENT" as const, title: "Health and education data sharing agreement" },
];

describe("where arrangements apply", () => {
  it("shows advice contacts on advice steps, agreements on the lawful basis and sharing steps", () => {
    expect(arrangementPlaceForStep("significant-harm-advice")).toBe("advice");
    expect(arrangementPlaceForStep("consent-advice")).toBe("advice");
    expect(arrangementPlaceForStep("lawful-basis")).toBe("lawful-basis");
    expect(arrangementPlaceForStep("sharing-method")).toBe("sharing");
    expect(arrangementPlaceForStep("concern")).toBeNull();
    expect(arrangementsFor("advice", arrangements).map((a) => a.title)).toEqual(["MASH consultation line"]);
    expect(arrangementsFor("lawful-basis", arrangements).map((a) => a.title)).toEqual([
      "Health and education data sharing agreement",
      "Northshire multi-agency information sharing protocol",
    ]);
    expect(arrangementsFor("escalation", arrangements).map((a) => a.kind)).toEqual(["ESCALATION_ROUTE"]);
  });
});

describe("arrangementFormSchema", () => {
  it("needs an agreement's parties, and a real date when one is given", () => {
    const result = arrangementFormSchema.safeParse({
      kind: "AGREEMENT",
      title: "Protocol",
      "agreedOn-day": "30",
      "agreedOn-month": "2",
      "agreedOn-year": "2025",
    });
    expect(result.error?.issues.map((i) => i.path[0]).toSorted()).toEqual(["agreedOn", "parties"]);
  });

  it("reads an agreement with its date and link", () => {
    expect(
      arrangementFormSchema.parse({
        kind: "AGREEMENT",
        title: "Protocol",
        parties: "Northshire Council, Northshire Police, Northshire NHS Trust",
        link: "https://example.org/protocol",
        "agreedOn-day": "1",
        "agreedOn-month": "4",
        "agreedOn-year": "2025",
      }),
    ).toEqual({
      kind: "AGREEMENT",
      title: "Protocol",
      parties: "Northshire Council, Northshire Police, Northshire NHS Trust",
      detail: null,
      link: "https://example.org/protocol",
      agreedOn: "2025-04-01",
    });
  });

  it("refuses a link that is not https, and a contact with no way to reach them", () => {
    const result = arrangementFormSchema.safeParse({
      kind: "ADVICE_CONTACT",
      title: "DSL",
      link: "javascript:alert(1)",
    });
    expect(result.error?.issues.map((i) => i.path[0]).toSorted()).toEqual(["detail", "link"]);
  });
});

describe("parseArrangementStamp", () => {
  it("reads the stamp the database wrote, and null for records made before stamps", () => {
    const stamp = [{ id: "a", kind: "AGREEMENT", title: "P", version: 2, updatedAt: "2026-11-29T10:00:00.000+00:00" }];
    expect(parseArrangementStamp(stamp)).toEqual(stamp);
    expect(parseArrangementStamp(null)).toBeNull();
  });
});
