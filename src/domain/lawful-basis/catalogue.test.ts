import { describe, expect, it } from "vitest";
import {
  ARTICLE_6_IDS,
  LAWFUL_BASES,
  availableLawfulBases,
  findLawfulBasis,
  lawfulBasesInGroup,
  lawfulBasis,
  type LawfulBasisId,
  type OrganisationKind,
} from "./index";

/** Expected ids written as words, in catalogue order. */
const list = (words: string) => words.split(" ");
const ids = (group: Parameters<typeof lawfulBasesInGroup>[0]) => lawfulBasesInGroup(group).map((basis) => basis.id);

describe("the lawful basis catalogue", () => {
  it("offers UK GDPR Article 6(1)(a), (c), (d), (e), (ea) and (f), and DPA 2018 s.35 for law enforcement", () => {
    expect(ids("UK_GDPR_ARTICLE_6")).toEqual(["art6-1-a", "art6-1-c", "art6-1-d", "art6-1-e", "art6-1-ea", "art6-1-f"]);
    expect(ids("DPA_2018_PART_3")).toEqual(["dpa-s35"]);
    expect(ARTICLE_6_IDS).toEqual([...ids("UK_GDPR_ARTICLE_6"), ...ids("DPA_2018_PART_3")]);
  });

  it("lists every Article 9(2) condition from (a) to (j)", () => {
    expect(ids("UK_GDPR_ARTICLE_9")).toEqual(
      ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((letter) => `art9-2-${letter}`),
    );
  });

  it("includes the DPA 2018 Schedule 1 conditions, with paragraph 18 for safeguarding", () => {
    expect(ids("DPA_2018_SCHEDULE_1")).toEqual(
      list(
        "dpa-sch1-para-1 dpa-sch1-para-2 dpa-sch1-para-3 dpa-sch1-para-4 dpa-sch1-para-6 dpa-sch1-para-10 " +
          "dpa-sch1-para-18",
      ),
    );
    expect(lawfulBasis("dpa-sch1-para-18").label).toBe("Safeguarding of children and individuals at risk");
    expect(lawfulBasis("dpa-sch1-para-18").help).toContain("under 18");
  });

  it("includes Schedule 8 for police (the competent authority among our kinds) only", () => {
    expect(ids("DPA_2018_SCHEDULE_8")).toEqual(["dpa-sch8-para-1", "dpa-sch8-para-3", "dpa-sch8-para-4"]);
    for (const basis of lawfulBasesInGroup("DPA_2018_SCHEDULE_8")) expect(basis.onlyFor).toEqual(["POLICE"]);
  });

  it("covers the common-law duty of confidence and the statutory gateways", () => {
    expect(ids("COMMON_LAW")).toEqual(
      list("common-law-consent common-law-public-interest common-law-legal-requirement"),
    );
    expect(ids("STATUTORY_GATEWAY")).toEqual(
      list(
        "ca1989-s17 ca1989-s27 ca1989-s47 ca2004-s10 ca2004-s11 ca2004-s16h ca2004-s16la ca2004-s16lc " +
          "care-act-2014-s42 care-act-2014-s45 cda1998-s115 court-order",
      ),
    );
    expect(lawfulBasis("cda1998-s115").help).toMatch(/^A power, not a duty/);
  });

  it("flags legitimate interests as not for public authorities performing their tasks", () => {
    const legitimateInterests = lawfulBasis("art6-1-f");
    expect(legitimateInterests.notForPublicAuthorityTasks).toBe(true);
    expect(legitimateInterests.help).toContain("Not for public authorities performing their tasks");
    expect(LAWFUL_BASES.filter((basis) => basis.notForPublicAuthorityTasks).map((b) => b.id)).toEqual([
      "art6-1-ea",
      "art6-1-f",
    ]);
  });

  it("marks the Article 9 conditions that need Schedule 1, each with a matching condition", () => {
    const needing = LAWFUL_BASES.filter((basis) => basis.needsSchedule1).map((basis) => basis.id);
    expect(needing).toEqual(["art9-2-b", "art9-2-g", "art9-2-h", "art9-2-i", "art9-2-j"]);
    for (const id of needing) {
      expect(LAWFUL_BASES.some((basis) => basis.completesArticle9 === id)).toBe(true);
    }
  });

  it("marks only the consent-based options as relying on consent", () => {
    expect(LAWFUL_BASES.filter((basis) => basis.reliesOnConsent).map((basis) => basis.id)).toEqual([
      "art6-1-a",
      "art9-2-a",
      "common-law-consent",
    ]);
  });

  it("gives every entry a unique, URL-safe id, a label, plain-English help and a source", () => {
    const allIds = LAWFUL_BASES.map((basis) => basis.id);
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(allIds).toHaveLength(7 + 10 + 7 + 3 + 3 + 12);
    for (const basis of LAWFUL_BASES) {
      expect(basis.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(basis.label.length).toBeGreaterThan(3);
      expect(basis.help.length).toBeGreaterThan(30);
      expect(basis.source.length).toBeGreaterThan(10);
      expect(basis.help).not.toMatch(/organiz|judgment/i);
    }
  });

  it("looks up ids safely", () => {
    expect(findLawfulBasis("art6-1-e")?.label).toBe("Public task");
    expect(findLawfulBasis("art6-1-b")).toBeUndefined();
    expect(() => lawfulBasis("nope" as LawfulBasisId)).toThrow("Unknown lawful basis: nope");
  });
});

describe("availableLawfulBases", () => {
  const offered = (kind: OrganisationKind) => availableLawfulBases(kind).map((basis) => basis.id);

  it.each([
    ["LOCAL_AUTHORITY", false, false],
    ["SCHOOL", false, false],
    ["HEALTH", false, false],
    ["POLICE", false, true],
    ["EARLY_YEARS", true, false],
    ["VOLUNTARY", true, false],
  ] as const)("for %s: legitimate interests %s, Schedule 8 %s", (kind, legitimateInterests, schedule8) => {
    expect(offered(kind).includes("art6-1-f")).toBe(legitimateInterests);
    expect(offered(kind).includes("dpa-sch8-para-4")).toBe(schedule8);
    expect(offered(kind)).toContain("art6-1-e");
    expect(offered(kind)).toContain("dpa-sch1-para-18");
  });
});
