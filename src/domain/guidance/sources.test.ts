/**
 * Issue 11 acceptance: "the guidance sources page lists every source by title and date". The page
 * renders GUIDANCE_SOURCES, so every document a citation on screen names (golden rules, principles,
 * notes, flowchart questions, lawful bases and their commencement) must be one of its entries.
 */
import { describe, expect, it } from "vitest";
import { FLOWCHART } from "../flowchart";
import { CRIMINAL_OFFENCE_DATA_RULE, LAWFUL_BASES } from "../lawful-basis";
import { GOLDEN_RULES, GUIDANCE_NOTES, GUIDANCE_SOURCES, PRINCIPLES } from "./index";

/** How citations name each listed source (a citation may abbreviate, or cite a section of it). */
const CITED_AS: Readonly<Record<string, readonly string[]>> = {
  "hmg-2024-information-sharing": ["advice for practitioners providing safeguarding services for children"],
  "hmg-2018-information-sharing": ["advice for practitioners providing safeguarding services to children"],
  "working-together-2023": ["Working Together to Safeguard Children"],
  "uk-gdpr": ["UK GDPR"],
  "dpa-2018": ["Data Protection Act 2018"],
  "duaa-2025": ["Data (Use and Access) Act 2025"],
  "children-act-1989": ["Children Act 1989"],
  "children-act-2004": ["Children Act 2004"],
  "cwsa-2026": ["Children's Wellbeing and Schools Act 2026"],
  "care-act-2014": ["Care Act 2014", "Care and support statutory guidance"],
  "mca-2005": ["Mental Capacity Act 2005"],
  "hra-1998": ["Human Rights Act 1998"],
  "cda-1998": ["Crime and Disorder Act 1998"],
  "ico-data-sharing-code": ["Data sharing: a code of practice"],
  gillick: ["Gillick v West Norfolk and Wisbech"],
  dudley: ["Dudley Children's Services"],
  croydon: ["Croydon"],
  "pre-school": ["pre-school"],
  berkshire: ["Berkshire"],
};

const citations = [
  ...[...GOLDEN_RULES, ...PRINCIPLES, ...GUIDANCE_NOTES, ...Object.values(FLOWCHART)].map((item) => item.source),
  ...LAWFUL_BASES.flatMap((basis) => [basis.source, ...(basis.commencement ? [basis.commencement.source] : [])]),
  CRIMINAL_OFFENCE_DATA_RULE.source,
].flatMap((source) => source.split("; "));

describe("the guidance sources list", () => {
  const listed = new Set(GUIDANCE_SOURCES.map((source) => source.id));
  const listedNames = Object.entries(CITED_AS)
    .filter(([id]) => listed.has(id))
    .flatMap(([, names]) => names);

  it("holds every document a citation on screen names", () => {
    const unlisted = citations.filter((citation) => !listedNames.some((name) => citation.includes(name)));
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it("gives each source a title, who issued it and a date", () => {
    for (const source of GUIDANCE_SOURCES) {
      expect(source.title.length, source.id).toBeGreaterThan(10);
      expect(source.by.length, source.id).toBeGreaterThan(3);
      expect(source.date, source.id).toMatch(/\d{4}|Undated|not dated/);
    }
    expect(new Set(GUIDANCE_SOURCES.map((source) => source.id)).size).toBe(GUIDANCE_SOURCES.length);
  });

  it("dates Working Together, the ICO's code and Gillick as published or decided", () => {
    const date = (id: string) => GUIDANCE_SOURCES.find((source) => source.id === id)?.date;
    expect(date("working-together-2023")).toBe("December 2023");
    expect(date("ico-data-sharing-code")).toContain("5 October 2021");
    expect(date("gillick")).toContain("17 October 1985");
  });
});
