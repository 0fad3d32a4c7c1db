import { describe, expect, it } from "vitest";
import {
  selectedLawfulBasisIds,
  validateLawfulBases,
  type LawfulBasisContext,
  type LawfulBasisSelection,
} from "./index";
import { selectionWith } from "./test-fixtures";

const selection = selectionWith;

const context = (overrides: Partial<LawfulBasisContext> = {}): LawfulBasisContext => ({
  organisationKind: "LOCAL_AUTHORITY",
  consentGiven: false,
  confidential: true,
  ...overrides,
});

const codes = (s: LawfulBasisSelection, c: LawfulBasisContext) =>
  validateLawfulBases(s, c).map((problem) => `${problem.field}:${problem.code}`);

describe("validateLawfulBases", () => {
  it.each<[string, Partial<LawfulBasisSelection>, Partial<LawfulBasisContext>, string[]]>([
    ["public task with public interest", {}, {}, []],
    ["no Article 6 basis", { article6: undefined }, {}, ["article6:ARTICLE_6_REQUIRED"]],
    ["legitimate interests for a council", { article6: "art6-1-f" }, {}, ["article6:NOT_FOR_PUBLIC_AUTHORITIES"]],
    [
      "legitimate interests for a school",
      { article6: "art6-1-f" },
      { organisationKind: "SCHOOL" },
      ["article6:NOT_FOR_PUBLIC_AUTHORITIES"],
    ],
    ["legitimate interests for a charity", { article6: "art6-1-f" }, { organisationKind: "VOLUNTARY" }, []],
    ["legitimate interests for a nursery", { article6: "art6-1-f" }, { organisationKind: "EARLY_YEARS" }, []],
    ["consent basis without consent", { article6: "art6-1-a" }, {}, ["article6:CONSENT_NOT_GIVEN"]],
    ["consent basis with consent", { article6: "art6-1-a" }, { consentGiven: true }, []],
    ["common-law consent without consent", { commonLaw: ["common-law-consent"] }, {}, ["commonLaw:CONSENT_NOT_GIVEN"]],
    [
      "special category with no condition",
      { specialCategory: true },
      {},
      ["article9:SPECIAL_CATEGORY_CONDITION_REQUIRED"],
    ],
    [
      "9(2)(g) without a Schedule 1 condition",
      { specialCategory: true, article9: ["art9-2-g"] },
      {},
      ["schedule1:SCHEDULE_1_CONDITION_REQUIRED"],
    ],
    [
      "9(2)(g) with paragraph 18",
      { specialCategory: true, article9: ["art9-2-g"], schedule1: ["dpa-sch1-para-18"] },
      {},
      [],
    ],
    [
      "9(2)(g) with paragraph 10",
      { specialCategory: true, article9: ["art9-2-g"], schedule1: ["dpa-sch1-para-10"] },
      {},
      [],
    ],
    [
      "9(2)(h) with paragraph 18 (wrong part)",
      { specialCategory: true, article9: ["art9-2-h"], schedule1: ["dpa-sch1-para-18"] },
      {},
      ["schedule1:SCHEDULE_1_CONDITION_REQUIRED", "schedule1:SCHEDULE_1_WITHOUT_MATCHING_ARTICLE_9"],
    ],
    [
      "9(2)(h) with paragraph 2",
      { specialCategory: true, article9: ["art9-2-h"], schedule1: ["dpa-sch1-para-2"] },
      { organisationKind: "HEALTH" },
      [],
    ],
    ["9(2)(c) needs no Schedule 1 condition", { specialCategory: true, article9: ["art9-2-c"] }, {}, []],
    [
      "explicit consent without consent",
      { specialCategory: true, article9: ["art9-2-a"] },
      {},
      ["article9:CONSENT_NOT_GIVEN"],
    ],
    [
      "Schedule 8 for a school",
      { specialCategory: true, article9: ["art9-2-c"], schedule8: ["dpa-sch8-para-4"] },
      { organisationKind: "SCHOOL" },
      ["schedule8:NOT_AVAILABLE_TO_ORGANISATION", "schedule8:SCHEDULE_8_NEEDS_PART_3"],
    ],
    [
      "Schedule 8 with section 35 for police (Part 3)",
      { article6: "dpa-s35", specialCategory: true, schedule8: ["dpa-sch8-para-4"] },
      { organisationKind: "POLICE" },
      [],
    ],
    [
      "Schedule 8 with a UK GDPR basis for police",
      { specialCategory: true, schedule8: ["dpa-sch8-para-4"] },
      { organisationKind: "POLICE" },
      ["schedule8:SCHEDULE_8_NEEDS_PART_3", "article9:SPECIAL_CATEGORY_CONDITION_REQUIRED"],
    ],
    [
      "Schedule 8 alone for a council",
      { specialCategory: true, schedule8: ["dpa-sch8-para-4"] },
      {},
      [
        "schedule8:NOT_AVAILABLE_TO_ORGANISATION",
        "schedule8:SCHEDULE_8_NEEDS_PART_3",
        "article9:SPECIAL_CATEGORY_CONDITION_REQUIRED",
      ],
    ],
    [
      "special category conditions without special category data",
      { article9: ["art9-2-c"], schedule1: ["dpa-sch1-para-18"], schedule8: ["dpa-sch8-para-1"] },
      { organisationKind: "POLICE" },
      [
        "schedule8:SCHEDULE_8_NEEDS_PART_3",
        "article9:CONDITION_WITHOUT_SPECIAL_CATEGORY",
        "schedule1:CONDITION_WITHOUT_SPECIAL_CATEGORY",
        "schedule8:CONDITION_WITHOUT_SPECIAL_CATEGORY",
      ],
    ],
    ["confidential with no common-law reason", { commonLaw: [] }, {}, ["commonLaw:COMMON_LAW_REQUIRED"]],
    ["not confidential with no common-law reason", { commonLaw: [] }, { confidential: false }, []],
    [
      "an id from the wrong group",
      { article9: ["art6-1-e" as never], specialCategory: true },
      {},
      ["article9:UNKNOWN_BASIS", "article9:SPECIAL_CATEGORY_CONDITION_REQUIRED"],
    ],
    ["an invented id", { statutoryGateways: ["ca1989-s99" as never] }, {}, ["statutoryGateways:UNKNOWN_BASIS"]],
  ])("%s", (_, selectionOverrides, contextOverrides, expected) => {
    expect(codes(selection(selectionOverrides), context(contextOverrides))).toEqual(expected);
  });

  it("explains problems in plain English", () => {
    const [problem] = validateLawfulBases(selection({ specialCategory: true, article9: ["art9-2-g"] }), context());
    expect(problem?.message).toBe(
      "Select the Data Protection Act 2018 Schedule 1 condition that goes with UK GDPR Article 9(2)(g)",
    );
  });
});

describe("selectedLawfulBasisIds", () => {
  it("lists the chosen ids in picker order", () => {
    expect(
      selectedLawfulBasisIds(
        selection({
          specialCategory: true,
          article9: ["art9-2-g"],
          schedule1: ["dpa-sch1-para-18"],
          statutoryGateways: ["ca1989-s47", "ca2004-s11"],
        }),
      ),
    ).toEqual(["art6-1-e", "art9-2-g", "dpa-sch1-para-18", "common-law-public-interest", "ca1989-s47", "ca2004-s11"]);
    expect(selectedLawfulBasisIds(selection({ article6: undefined, commonLaw: [] }))).toEqual([]);
  });
});
