// Issue 11: "records keep the version they were made under and show what changed". The record page,
// its print and its PDF take both from here.
import { describe, expect, it } from "vitest";
import { GUIDANCE_VERSION, GUIDANCE_VERSIONS } from "@/domain/guidance";
import { guidanceChangesSince, guidanceVersionText } from "./record-sections";

describe("a record made under older guidance", () => {
  it("lists every change made since, oldest release first", () => {
    const first = GUIDANCE_VERSIONS[0]!;
    const later = GUIDANCE_VERSIONS.slice(1).flatMap((version) => version.changes);
    expect(later.length).toBeGreaterThan(0);
    expect(guidanceChangesSince(first.id)).toEqual(later);
    expect(guidanceChangesSince(first.id).join(" ")).toMatch(/Consent is not accepted as the lawful basis/);
  });

  it("lists nothing when made under the current guidance, or under a version this release does not know", () => {
    expect(guidanceChangesSince(GUIDANCE_VERSION)).toEqual([]);
    expect(guidanceChangesSince("no-such-version")).toEqual([]);
  });

  it("names the guidance it was made under by its date, or by the stored id when unknown", () => {
    const current = GUIDANCE_VERSIONS.at(-1)!;
    expect(guidanceVersionText(current.id)).toMatch(/^InfoShare's guidance of \d{1,2} \w+ \d{4}$/);
    expect(guidanceVersionText("no-such-version")).toBe("no-such-version");
  });
});
