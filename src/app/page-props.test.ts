import { describe, expect, it } from "vitest";
import { doneNotice, oneOf } from "./page-props";

const VIEWS = { OPEN: "Open", RESOLVED: "Resolved" } as const;

describe("oneOf", () => {
  it("takes a value that names one of the choices", () => {
    expect(oneOf("RESOLVED", VIEWS, "OPEN")).toBe("RESOLVED");
  });

  it("falls back for anything else, including the names every object inherits", () => {
    for (const raw of ["constructor", "toString", "__proto__", "hasOwnProperty", "", "open", undefined, null, 3])
      expect(oneOf(raw, VIEWS, "OPEN")).toBe("OPEN");
  });
});

describe("doneNotice", () => {
  it("finds an own message only", () => {
    expect(doneNotice({ done: "saved" }, { saved: "Saved." })).toBe("Saved.");
    expect(doneNotice({ done: "constructor" }, { saved: "Saved." })).toBeUndefined();
  });
});
