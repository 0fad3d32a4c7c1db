/**
 * Issue 11, "Law and guidance to bring up to date": one test per item. Each failed on the code
 * before the update (checked against commit 257e18c).
 */
import { describe, expect, it } from "vitest";
import {
  GUIDANCE_SOURCES,
  GUIDANCE_VERSION,
  GUIDANCE_VERSION_IDS,
  GOLDEN_RULES,
  GUIDANCE_NOTES,
  PRINCIPLES,
  guidanceChangesBetween,
  guidanceNote,
} from "../guidance";
import {
  CRIMINAL_OFFENCE_DATA_RULE,
  LAWFUL_BASES,
  availableLawfulBases,
  lawfulBasis,
  validateLawfulBases,
  type LawfulBasisId,
  type LawfulBasisSelection,
} from "./index";
import { selectionWith } from "./test-fixtures";

const ids = (kind: Parameters<typeof availableLawfulBases>[0]) => availableLawfulBases(kind).map((b) => b.id);

describe("Data (Use and Access) Act 2025", () => {
  it("adds Art 6(1)(ea) recognised legitimate interests, in force with its commencement source", () => {
    const basis = lawfulBasis("art6-1-ea" as LawfulBasisId);
    expect(basis.reference).toBe("UK GDPR Article 6(1)(ea)");
    expect(basis.help).toMatch(/safeguard|vulnerable/i);
    expect(basis.commencement).toMatchObject({ status: "IN_FORCE", inForceFrom: "2026-02-05" });
    expect(basis.commencement?.source).toContain("SI 2026/82");
  });

  it("does not let public authorities use it for their public tasks", () => {
    expect(ids("VOLUNTARY")).toContain("art6-1-ea");
    for (const kind of ["LOCAL_AUTHORITY", "SCHOOL", "HEALTH", "POLICE"] as const) {
      expect(ids(kind)).not.toContain("art6-1-ea");
    }
  });

  it("narrows Art 6(1)(e) to a task of the controller", () => {
    expect(lawfulBasis("art6-1-e").help).toContain("your own organisation");
    expect(lawfulBasis("art6-1-e").source).toContain("Data (Use and Access) Act 2025");
  });
});

describe("criminal offence data", () => {
  const selection = selectionWith;
  const context = { organisationKind: "LOCAL_AUTHORITY" as const, consentGiven: false, confidential: true };

  it("cites UK GDPR Art 10, DPA 2018 s.10(5) and Sch 1 para 36", () => {
    expect(CRIMINAL_OFFENCE_DATA_RULE.reference).toMatch(/Article 10.*s\.10\(5\).*paragraph 36/);
  });

  it("needs a Schedule 1 condition, and para 18 serves without special category data", () => {
    const codes = (s: LawfulBasisSelection) => validateLawfulBases(s, context).map((p) => p.code);
    expect(codes(selection({ criminalOffenceData: true }))).toEqual(["CRIMINAL_OFFENCE_CONDITION_REQUIRED"]);
    expect(codes(selection({ criminalOffenceData: true, schedule1: ["dpa-sch1-para-18"] }))).toEqual([]);
  });
});

describe("statutory gateways", () => {
  it.each([
    ["ca2004-s16h", "Children Act 2004, section 16H"],
    ["ca2004-s11", "Children Act 2004, section 11"],
    ["ca1989-s17", "Children Act 1989, section 17"],
    ["ca1989-s27", "Children Act 1989, section 27"],
    ["care-act-2014-s42", "Care Act 2014, section 42"],
    ["care-act-2014-s45", "Care Act 2014, section 45"],
  ])("include %s", (id, reference) => {
    expect(lawfulBasis(id as LawfulBasisId).reference).toBe(reference);
  });

  it("model the Children's Wellbeing and Schools Act 2026 s.4 duties with their commencement as data", () => {
    for (const id of ["ca2004-s16la", "ca2004-s16lc"]) {
      const basis = lawfulBasis(id as LawfulBasisId);
      expect(basis.source).toContain("Children's Wellbeing and Schools Act 2026, s.4");
      expect(basis.commencement?.status).toBe("NOT_IN_FORCE");
      expect(basis.commencement?.source).toContain("legislation.gov.uk");
      // Never offered as if in force.
      expect(ids("LOCAL_AUTHORITY")).not.toContain(id);
    }
  });

  it("never call anything in force without a source", () => {
    for (const basis of LAWFUL_BASES) {
      if (basis.commencement) expect(basis.commencement.source.length).toBeGreaterThan(20);
    }
  });

  it("explain Human Rights Act Art 8 proportionality for public authorities", () => {
    const note = guidanceNote("proportionate-interference-with-private-life" as never);
    expect(note.text).toMatch(/public authorit/i);
    expect(note.source).toContain("Human Rights Act 1998");
  });
});

describe("text fixes", () => {
  it("says the public interest usually, not always, outweighs confidentiality", () => {
    expect(lawfulBasis("common-law-public-interest").help).toContain("usually");
    expect(lawfulBasis("common-law-public-interest").help).not.toMatch(/always/);
  });

  it("says s.47(9)-(11) binds named authorities only", () => {
    expect(lawfulBasis("ca1989-s47").help).toContain("s.47(11)");
    expect(lawfulBasis("ca1989-s47").onlyFor).not.toContain("VOLUNTARY");
  });

  it("says para 10 needs no policy document when disclosing to a competent authority", () => {
    expect(lawfulBasis("dpa-sch1-para-10").help).toContain("competent authority");
  });

  it("applies Schedule 8 to every competent authority, not only the police", () => {
    for (const id of ["dpa-sch8-para-1", "dpa-sch8-para-3", "dpa-sch8-para-4"] as const) {
      expect(lawfulBasis(id).help).toContain("competent authority");
    }
  });

  it("says s.115 of the Crime and Disorder Act does not override confidence", () => {
    expect(lawfulBasis("cda1998-s115").help).toContain("does not override the duty of confidence");
  });

  it("cites national documents by title and local protocols as examples of local arrangements", () => {
    const sources = [...GOLDEN_RULES, ...PRINCIPLES, ...GUIDANCE_NOTES, ...LAWFUL_BASES].map((item) => item.source);
    for (const source of sources) expect(source).not.toMatch(/seed \d/i);
    for (const source of sources.filter((text) => /Dudley|Croydon|Berkshire|pre-school/.test(text))) {
      expect(source).toContain("example of local arrangements");
    }
  });
});

describe("guidance versions and sources", () => {
  it("has a new version, and lists what changed since the one records were made under", () => {
    expect(GUIDANCE_VERSION).not.toBe("2024-11-dfe-2024-v1");
    expect(GUIDANCE_VERSION_IDS.at(-1)).toBe(GUIDANCE_VERSION);
    const changes = guidanceChangesBetween("2024-11-dfe-2024-v1", GUIDANCE_VERSION);
    expect(changes?.map((change) => change.version)).toEqual(["2026-11-law-update-v2", GUIDANCE_VERSION]);
    expect(changes?.[0]?.changes.join(" ")).toMatch(/6\(1\)\(ea\)/);
    expect(guidanceChangesBetween(GUIDANCE_VERSION, GUIDANCE_VERSION)).toEqual([]);
    expect(guidanceChangesBetween("no-such-version", GUIDANCE_VERSION)).toBeUndefined();
  });

  it("lists every source by title and date", () => {
    const titles = GUIDANCE_SOURCES.map((source) => source.title).join("\n");
    const expectedTitles = [/for children, young\s+people/, /Data \(Use and Access\) Act 2025/, /Care Act 2014/];
    for (const expected of expectedTitles) expect(titles).toMatch(expected);
    for (const source of GUIDANCE_SOURCES) {
      expect(source.title.length).toBeGreaterThan(10);
      expect(source.date.length).toBeGreaterThan(3);
    }
    expect(GUIDANCE_SOURCES.find((source) => source.id === "hmg-2024-information-sharing")?.date).toBe("May 2024");
  });
});
