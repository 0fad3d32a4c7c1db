import {
  findLawfulBasis,
  isAvailableTo,
  lawfulBasis,
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
  article9: readonly Article9Id[];
  schedule1: readonly Schedule1Id[];
  schedule8: readonly Schedule8Id[];
  commonLaw: readonly CommonLawId[];
  statutoryGateways: readonly StatutoryGatewayId[];
}

export interface LawfulBasisContext {
  organisationKind: OrganisationKind;
  /** Consent-based options are only honest when the person actually agreed. */
  consentGiven: boolean;
  /** Confidential information also needs a justification under the common-law duty of confidence. */
  confidential: boolean;
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
  | "COMMON_LAW_REQUIRED";

export type LawfulBasisField = keyof LawfulBasisSelection;

export interface LawfulBasisProblem {
  field: LawfulBasisField;
  code: LawfulBasisProblemCode;
  message: string;
}

type ListField = Exclude<LawfulBasisField, "article6" | "specialCategory">;

const LIST_FIELDS: readonly ListField[] = [
  "article9",
  "schedule1",
  "schedule8",
  "commonLaw",
  "statutoryGateways",
];

const EXPECTED_GROUP: Record<ListField | "article6", LawfulBasisGroup> = {
  article6: "UK_GDPR_ARTICLE_6",
  article9: "UK_GDPR_ARTICLE_9",
  schedule1: "DPA_2018_SCHEDULE_1",
  schedule8: "DPA_2018_SCHEDULE_8",
  commonLaw: "COMMON_LAW",
  statutoryGateways: "STATUTORY_GATEWAY",
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
    if (!basis || basis.group !== EXPECTED_GROUP[field]) {
      problems.push({ field, code: "UNKNOWN_BASIS", message: "Select a lawful basis from the list" });
      continue;
    }
    if (!isAvailableTo(basis, context.organisationKind)) {
      problems.push(
        basis.notForPublicAuthorityTasks
          ? {
              field,
              code: "NOT_FOR_PUBLIC_AUTHORITIES",
              message:
                "Public authorities cannot rely on legitimate interests for their tasks. Select public task or another basis",
            }
          : {
              field,
              code: "NOT_AVAILABLE_TO_ORGANISATION",
              message: `${basis.reference} is only for police processing for law enforcement purposes`,
            },
      );
    }
    if (basis.reliesOnConsent && !context.consentGiven) {
      problems.push({
        field,
        code: "CONSENT_NOT_GIVEN",
        message: `You cannot rely on consent (${basis.reference}) because consent was not given`,
      });
    }
  }

  if (selection.specialCategory) {
    problems.push(...specialCategoryProblems(selection, context));
  } else {
    for (const field of ["article9", "schedule1", "schedule8"] as const) {
      if (selection[field].length > 0) {
        problems.push({
          field,
          code: "CONDITION_WITHOUT_SPECIAL_CATEGORY",
          message:
            "Only select special category conditions if the information includes special category data",
        });
      }
    }
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

function specialCategoryProblems(
  selection: LawfulBasisSelection,
  context: LawfulBasisContext,
): LawfulBasisProblem[] {
  const problems: LawfulBasisProblem[] = [];
  // Police processing for law enforcement falls under DPA 2018 Part 3, where Schedule 8 does the job Article 9 does elsewhere.
  const lawEnforcementConditionChosen =
    context.organisationKind === "POLICE" && selection.schedule8.length > 0;
  const validArticle9 = selection.article9.filter(
    (id) => findLawfulBasis(id)?.group === "UK_GDPR_ARTICLE_9",
  );
  if (validArticle9.length === 0 && !lawEnforcementConditionChosen) {
    problems.push({
      field: "article9",
      code: "SPECIAL_CATEGORY_CONDITION_REQUIRED",
      message: "Select an Article 9 condition for the special category information",
    });
  }
  for (const article9Id of selection.article9) {
    const condition = findLawfulBasis(article9Id);
    if (!condition?.needsSchedule1) continue;
    const completed = selection.schedule1.some(
      (id) => findLawfulBasis(id)?.completesArticle9 === article9Id,
    );
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
        message: `${lawfulBasis(schedule1Id).reference} only works with ${lawfulBasis(completes).reference}. Select that condition too, or remove this one`,
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
