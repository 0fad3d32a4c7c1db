import {
  findLawfulBasis,
  isInForce,
  lawfulBasis,
  STATUTORY_GATEWAY_IDS,
  unavailableReason,
  type Article6Id,
  type Article9Id,
  type CommonLawId,
  type LawfulBasisGroup,
  type LawfulBasisId,
  type Schedule1Id,
  type Schedule8Id,
  type StatutoryGatewayId,
} from "./catalogue";
import type { OrganisationKind } from "./organisation";

export interface LawfulBasisSelection {
  article6: Article6Id | undefined;
  /** Whether any of the information is special category data (health, ethnicity, sex life…). */
  specialCategory: boolean;
  /** Whether it includes criminal offence data (UK GDPR Art 10), which needs a Schedule 1 condition. */
  criminalOffenceData?: boolean;
  article9: readonly Article9Id[];
  schedule1: readonly Schedule1Id[];
  schedule8: readonly Schedule8Id[];
  commonLaw: readonly CommonLawId[];
  statutoryGateways: readonly StatutoryGatewayId[];
}

/** The kinds of "another lawful reason to share without consent" a practitioner can give. */
export const OTHER_LAWFUL_REASON_KINDS = [
  "statutory-duty-or-power",
  "public-function",
  "vital-interests",
  "public-interest",
] as const;
export type OtherLawfulReasonKind = (typeof OTHER_LAWFUL_REASON_KINDS)[number];

/** The bases that carry each kind of reason; at least one must be chosen for each reason given. */
const BASES_FOR_REASON: Record<OtherLawfulReasonKind, { ids: readonly LawfulBasisId[]; described: string }> = {
  "statutory-duty-or-power": {
    ids: [
      "art6-1-c",
      // Every statutory gateway but s.16LC (a consistent child identifier), which is no duty or power to share.
      ...STATUTORY_GATEWAY_IDS.filter((id) => id !== "ca2004-s16lc"),
      "common-law-legal-requirement",
    ],
    described: "a legal duty or power to share (legal obligation, or the statute under 'Legal duty or power to share')",
  },
  "public-function": {
    ids: ["art6-1-e", "dpa-s35"],
    described: "public task (Article 6(1)(e)) or, for police law enforcement, section 35",
  },
  "vital-interests": {
    ids: ["art6-1-d", "art9-2-c", "dpa-sch8-para-3"],
    described: "vital interests (Article 6(1)(d), or Article 9(2)(c) for special category data)",
  },
  "public-interest": {
    ids: ["common-law-public-interest"],
    described: "the overriding public interest under the common-law duty of confidence",
  },
};

const REASON_FIELD: Record<OtherLawfulReasonKind, LawfulBasisField> = {
  "statutory-duty-or-power": "statutoryGateways",
  "public-function": "article6",
  "vital-interests": "article6",
  "public-interest": "commonLaw",
};

export interface LawfulBasisContext {
  organisationKind: OrganisationKind;
  /** Consent-based options are only honest when the person actually agreed. */
  consentGiven: boolean;
  /** Confidential information also needs a justification under the common-law duty of confidence. */
  confidential: boolean;
  /**
   * The person is suffering or likely to suffer significant harm: you would share whatever they
   * said, so consent is not the right basis (DfE 2024, golden rule 3).
   */
  atRiskOfSignificantHarm?: boolean;
  /** The reasons given earlier for sharing without consent; each must be carried by a chosen basis. */
  otherLawfulReasonKinds?: readonly OtherLawfulReasonKind[];
}

export type LawfulBasisProblemCode =
  | "ARTICLE_6_REQUIRED"
  | "UNKNOWN_BASIS"
  | "NOT_FOR_PUBLIC_AUTHORITIES"
  | "NOT_AVAILABLE_TO_ORGANISATION"
  | "CONSENT_NOT_GIVEN"
  | "SPECIAL_CATEGORY_CONDITION_REQUIRED"
  | "SCHEDULE_1_CONDITION_REQUIRED"
  | "SCHEDULE_1_WITHOUT_MATCHING_ARTICLE_9"
  | "CONDITION_WITHOUT_SPECIAL_CATEGORY"
  | "COMMON_LAW_REQUIRED"
  | "CONSENT_NOT_THE_BASIS_AT_RISK"
  | "SCHEDULE_1_PARA_18_WITH_CONSENT"
  | "REASON_WITHOUT_MATCHING_BASIS"
  | "PART_3_MIXED_WITH_UK_GDPR"
  | "SCHEDULE_8_NEEDS_PART_3"
  | "CRIMINAL_OFFENCE_CONDITION_REQUIRED";

export type LawfulBasisField = keyof LawfulBasisSelection;

export interface LawfulBasisProblem {
  field: LawfulBasisField;
  code: LawfulBasisProblemCode;
  message: string;
}

type ListField = Exclude<LawfulBasisField, "article6" | "specialCategory" | "criminalOffenceData">;

const LIST_FIELDS: readonly ListField[] = ["article9", "schedule1", "schedule8", "commonLaw", "statutoryGateways"];

const EXPECTED_GROUPS: Record<ListField | "article6", readonly LawfulBasisGroup[]> = {
  article6: ["UK_GDPR_ARTICLE_6", "DPA_2018_PART_3"],
  article9: ["UK_GDPR_ARTICLE_9"],
  schedule1: ["DPA_2018_SCHEDULE_1"],
  schedule8: ["DPA_2018_SCHEDULE_8"],
  commonLaw: ["COMMON_LAW"],
  statutoryGateways: ["STATUTORY_GATEWAY"],
};

/**
 * Checks a set of chosen bases hangs together: exactly one Article 6 basis; for special category
 * data an Article 9 condition plus, where the law requires it (DPA 2018 s.10), a matching
 * Schedule 1 condition; police-only conditions only for police; consent only where it was given;
 * and a common-law justification whenever the information is confidential.
 */
export function validateLawfulBases(
  selection: LawfulBasisSelection,
  context: LawfulBasisContext,
): LawfulBasisProblem[] {
  const problems: LawfulBasisProblem[] = [];
  const chosen: Array<{ field: ListField | "article6"; id: string }> = [
    ...(selection.article6 ? [{ field: "article6" as const, id: selection.article6 }] : []),
    ...LIST_FIELDS.flatMap((field) => selection[field].map((id) => ({ field, id }))),
  ];

  if (!selection.article6) {
    problems.push({
      field: "article6",
      code: "ARTICLE_6_REQUIRED",
      message: "Select the UK GDPR Article 6 lawful basis for sharing",
    });
  }

  for (const { field, id } of chosen) {
    const basis = findLawfulBasis(id);
    if (!basis || !EXPECTED_GROUPS[field].includes(basis.group)) {
      problems.push({ field, code: "UNKNOWN_BASIS", message: "Select a lawful basis from the list" });
      continue;
    }
    const unavailable = unavailableReason(basis, context.organisationKind);
    if (unavailable) {
      problems.push({
        field,
        code:
          basis.notForPublicAuthorityTasks && isInForce(basis)
            ? "NOT_FOR_PUBLIC_AUTHORITIES"
            : "NOT_AVAILABLE_TO_ORGANISATION",
        message: unavailable,
      });
    }
    if (basis.reliesOnConsent && !context.consentGiven) {
      problems.push({
        field,
        code: "CONSENT_NOT_GIVEN",
        message: `You cannot rely on consent (${basis.reference}) because consent was not given`,
      });
    } else if (basis.reliesOnConsent && context.atRiskOfSignificantHarm) {
      problems.push({
        field,
        code: "CONSENT_NOT_THE_BASIS_AT_RISK",
        message:
          `The person is at risk of significant harm, so you would share even if they said no and cannot rely ` +
          `on consent (${basis.reference}). Select another basis`,
      });
    }
  }

  problems.push(...para18Problems(selection, context));
  problems.push(...reasonProblems(selection, context));
  problems.push(...part3Problems(selection));

  if (selection.specialCategory) {
    problems.push(...specialCategoryProblems(selection, context));
  } else {
    const conditionFields = selection.criminalOffenceData
      ? (["article9", "schedule8"] as const)
      : (["article9", "schedule1", "schedule8"] as const);
    for (const field of conditionFields) {
      if (selection[field].length > 0) {
        problems.push({
          field,
          code: "CONDITION_WITHOUT_SPECIAL_CATEGORY",
          message: "Only select special category conditions if the information includes special category data",
        });
      }
    }
  }

  // DPA 2018 s.10(5): Art 10 processing needs a Schedule 1 condition (Part 2 via para 36). Part 3 uses Sch 8.
  if (selection.criminalOffenceData && selection.article6 !== "dpa-s35" && selection.schedule1.length === 0) {
    problems.push({
      field: "schedule1",
      code: "CRIMINAL_OFFENCE_CONDITION_REQUIRED",
      message: "Select the Data Protection Act 2018 Schedule 1 condition for the criminal offence data",
    });
  }

  if (context.confidential && selection.commonLaw.length === 0) {
    problems.push({
      field: "commonLaw",
      code: "COMMON_LAW_REQUIRED",
      message: "Select why sharing this confidential information is justified",
    });
  }

  return problems;
}

/**
 * DPA 2018 Sch 1 para 18 is for processing without consent, for a reason in para 18(2); where the
 * person agreed and is not at risk of significant harm, consent is the honest basis instead.
 */
function para18Problems(selection: LawfulBasisSelection, context: LawfulBasisContext): LawfulBasisProblem[] {
  const withConsent = context.consentGiven && !context.atRiskOfSignificantHarm;
  if (!withConsent || !selection.schedule1.includes("dpa-sch1-para-18")) return [];
  return [
    {
      field: "schedule1",
      code: "SCHEDULE_1_PARA_18_WITH_CONSENT",
      message:
        "Schedule 1 paragraph 18 is only for sharing without consent, when consent cannot be given, cannot " +
        "reasonably be obtained, or asking would put the protection at risk. Consent was given: select another " +
        "condition",
    },
  ];
}

/** Each reason given for sharing without consent must be carried by one of the bases chosen. */
function reasonProblems(selection: LawfulBasisSelection, context: LawfulBasisContext): LawfulBasisProblem[] {
  const chosen = new Set<string>(selectedLawfulBasisIds(selection));
  return (context.otherLawfulReasonKinds ?? []).flatMap((kind) => {
    const { ids, described } = BASES_FOR_REASON[kind];
    if (ids.some((id) => chosen.has(id))) return [];
    return [
      {
        field: REASON_FIELD[kind],
        code: "REASON_WITHOUT_MATCHING_BASIS" as const,
        message:
          `You said the lawful reason to share without consent was ${described.split(" (")[0]}. Select ` +
          `${described}, or go back and change that answer`,
      },
    ];
  });
}

/**
 * Police law enforcement processing is made lawful by DPA 2018 s.35 (Part 3), with Schedule 8 for
 * sensitive processing; UK GDPR bases and Article 9 conditions do not apply to it.
 */
function part3Problems(selection: LawfulBasisSelection): LawfulBasisProblem[] {
  const part3 = selection.article6 === "dpa-s35";
  if (part3 && (selection.article9.length > 0 || selection.schedule1.length > 0)) {
    return [
      {
        field: selection.article9.length > 0 ? "article9" : "schedule1",
        code: "PART_3_MIXED_WITH_UK_GDPR",
        message:
          "Law enforcement processing under section 35 uses Schedule 8 for sensitive information, not UK GDPR " +
          "Article 9 or Schedule 1. Remove those, or choose a UK GDPR basis",
      },
    ];
  }
  if (!part3 && selection.schedule8.length > 0) {
    return [
      {
        field: "schedule8",
        code: "SCHEDULE_8_NEEDS_PART_3",
        message:
          "Schedule 8 conditions go with law enforcement processing under section 35. Select section 35 as the main " +
          "basis, or remove the Schedule 8 condition",
      },
    ];
  }
  return [];
}

function specialCategoryProblems(selection: LawfulBasisSelection, context: LawfulBasisContext): LawfulBasisProblem[] {
  const problems: LawfulBasisProblem[] = [];
  // Police processing for law enforcement falls under DPA 2018 Part 3, where Schedule 8 does the job
  // Article 9 does elsewhere.
  const lawEnforcementConditionChosen = context.organisationKind === "POLICE" && selection.article6 === "dpa-s35";
  const validArticle9 = selection.article9.filter((id) => findLawfulBasis(id)?.group === "UK_GDPR_ARTICLE_9");
  if (lawEnforcementConditionChosen) {
    if (selection.schedule8.length === 0) {
      problems.push({
        field: "schedule8",
        code: "SPECIAL_CATEGORY_CONDITION_REQUIRED",
        message: "Select a Schedule 8 condition for the sensitive information",
      });
    }
  } else if (validArticle9.length === 0) {
    problems.push({
      field: "article9",
      code: "SPECIAL_CATEGORY_CONDITION_REQUIRED",
      message: "Select an Article 9 condition for the special category information",
    });
  }
  for (const article9Id of selection.article9) {
    const condition = findLawfulBasis(article9Id);
    if (!condition?.needsSchedule1) continue;
    const completed = selection.schedule1.some((id) => findLawfulBasis(id)?.completesArticle9 === article9Id);
    if (!completed) {
      problems.push({
        field: "schedule1",
        code: "SCHEDULE_1_CONDITION_REQUIRED",
        message: `Select the Data Protection Act 2018 Schedule 1 condition that goes with ${condition.reference}`,
      });
    }
  }
  for (const schedule1Id of selection.schedule1) {
    const completes = findLawfulBasis(schedule1Id)?.completesArticle9;
    if (completes && !selection.article9.includes(completes)) {
      problems.push({
        field: "schedule1",
        code: "SCHEDULE_1_WITHOUT_MATCHING_ARTICLE_9",
        message:
          `${lawfulBasis(schedule1Id).reference} only works with ${lawfulBasis(completes).reference}. Select ` +
          "that condition too, or remove this one",
      });
    }
  }
  return problems;
}

/** Every id in a selection, in the order the picker shows them, for storing on the record. */
export function selectedLawfulBasisIds(selection: LawfulBasisSelection): LawfulBasisId[] {
  return [
    ...(selection.article6 ? [selection.article6] : []),
    ...selection.article9,
    ...selection.schedule1,
    ...selection.schedule8,
    ...selection.commonLaw,
    ...selection.statutoryGateways,
  ];
}
