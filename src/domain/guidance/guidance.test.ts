import { describe, expect, it } from "vitest";
import {
  CHECKLIST_PRINCIPLE_IDS,
  GOLDEN_RULES,
  GOLDEN_RULE_IDS,
  GUIDANCE_NOTES,
  PRINCIPLES,
  findGuidance,
  goldenRule,
  guidanceNote,
  principle,
  type GoldenRuleId,
} from "./index";

const allText = [
  ...GOLDEN_RULES.flatMap((rule) => [rule.title, rule.summary, rule.whatItMeansForYou]),
  ...PRINCIPLES.flatMap((item) => [item.title, item.confirmation, item.explanation]),
  ...GUIDANCE_NOTES.flatMap((note) => [note.title, note.text]),
];

describe("the seven golden rules", () => {
  it("are the seven 2024 rules, in order", () => {
    expect(GOLDEN_RULES.map((rule) => [rule.number, rule.id])).toEqual([
      [1, "protection-comes-first"],
      [2, "engage-the-child-and-carers"],
      [3, "consent-is-not-required-when-at-risk"],
      [4, "seek-advice-promptly"],
      [5, "protect-identities"],
      [6, "share-only-what-is-needed"],
      [7, "record-your-reasons"],
    ]);
    expect(GOLDEN_RULES.map((rule) => rule.id)).toEqual([...GOLDEN_RULE_IDS]);
  });

  it.each(GOLDEN_RULES.map((rule) => [rule.id, rule] as const))(
    "%s has every text and cites its rule in the May 2024 advice, by title",
    (_, rule) => {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.summary.length).toBeGreaterThan(40);
      expect(rule.whatItMeansForYou.length).toBeGreaterThan(40);
      expect(rule.source).toBe(
        "Information sharing: advice for practitioners providing safeguarding services for children, young " +
          `people, parents and carers (HM Government, May 2024), golden rule ${rule.number}`,
      );
    },
  );

  it("carry the substance of the rules the app depends on", () => {
    expect(goldenRule("consent-is-not-required-when-at-risk").summary).toContain("without consent");
    expect(goldenRule("seek-advice-promptly").whatItMeansForYou).toContain("Caldicott Guardian");
    expect(goldenRule("protect-identities").summary).toContain("anonymously");
    expect(goldenRule("record-your-reasons").whatItMeansForYou).toContain("new information");
  });
});

describe("the principles", () => {
  it("are the eight principles in the order practitioners learn them", () => {
    expect(PRINCIPLES.map((item) => item.id)).toEqual(
      "necessary proportionate relevant adequate accurate timely secure recorded".split(" "),
    );
  });

  it("leave 'recorded' off the practitioner's checklist because the app makes the record", () => {
    expect(CHECKLIST_PRINCIPLE_IDS).toEqual(
      "necessary proportionate relevant adequate accurate timely secure".split(" "),
    );
  });

  it("cite Dudley s.6 and tell apart fact and opinion under accurate", () => {
    for (const item of PRINCIPLES) expect(item.source).toContain("Dudley Children's Services");
    expect(principle("accurate").explanation).toContain("fact");
    expect(principle("secure").source).toContain("Berkshire");
  });
});

describe("guidance notes", () => {
  it("include the emergency instruction and escalation at pace", () => {
    expect(guidanceNote("emergency-act-now").text).toContain("999");
    expect(guidanceNote("escalate-refusals-at-pace").source).toContain("protocol, s.6.4");
    expect(guidanceNote("never-promise-secrecy").source).toContain("confidentiality and information sharing policy");
  });
});

describe("lookup", () => {
  it("finds rules, principles and notes by id, and nothing else", () => {
    expect(findGuidance("protect-identities")).toMatchObject({ kind: "golden-rule", number: 5 });
    expect(findGuidance("timely")).toMatchObject({ kind: "principle", title: "Timely" });
    expect(findGuidance("emergency-act-now")).toMatchObject({ kind: "note" });
    expect(findGuidance("no-such-thing")).toBeUndefined();
    expect(findGuidance("")).toBeUndefined();
  });

  it("refuses an unknown typed id at run time", () => {
    expect(() => goldenRule("rule-8" as GoldenRuleId)).toThrow("Unknown golden rule: rule-8");
  });

  it("keeps every id unique and URL-safe", () => {
    const ids = [...GOLDEN_RULES, ...PRINCIPLES, ...GUIDANCE_NOTES].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("wording", () => {
  it("uses UK spelling", () => {
    for (const text of allText) {
      expect(text).not.toMatch(/organiz|behavior|\bcolor|\bcenter\b|favor|judgment|wellbeing/i);
    }
  });

  it("cites a named document for every item, never a file number", () => {
    for (const item of [...GOLDEN_RULES, ...PRINCIPLES, ...GUIDANCE_NOTES]) {
      const national = /Information sharing|Act 19|Act 20|Working Together|Information Commissioner|Gillick/;
      const local = /Dudley|Croydon|pre-school|Berkshire|statutory guidance/;
      expect(`${national.test(item.source) || local.test(item.source)}: ${item.source}`).toMatch(/^true/);
      expect(item.source).not.toMatch(/seed/i);
    }
  });
});
