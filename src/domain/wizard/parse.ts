import type { z } from "zod";
import {
  validateLawfulBases,
  type LawfulBasisContext,
  type LawfulBasisSelection,
  type OrganisationKind,
} from "../lawful-basis";
import {
  ANSWER_STEP_IDS,
  isStepId,
  type AnswerStepId,
  type LawfulBasisAnswer,
  type StepId,
  type StepValues,
  type WizardAnswers,
} from "./answers";
import { FORM_ERROR_FIELD, type FieldDefinition } from "./fields";
import { upgradeStoredAnswers } from "./legacy-answers";
import { atRiskOfSignificantHarm, canVisitStep, effectiveAnswer, isAboutAnAdultAtRisk, isStepApplicable } from "./path";
import { STEPS } from "./steps";

export interface FieldError {
  /** The form field to link to from the error summary, or "_form" for the page as a whole. */
  field: string;
  message: string;
}

export type StepParseResult<Id extends StepId = StepId> =
  { ok: true; value: StepValues[Id] } | { ok: false; errors: FieldError[] };

export interface ParseContext {
  /** The draft so far; when given, posting a step out of order or off the path is refused. */
  answers?: WizardAnswers;
  /** When given, the lawful bases are checked against what this kind of organisation may use. */
  organisationKind?: OrganisationKind;
  /** Today as YYYY-MM-DD; when given, a decision dated in the future is refused. */
  today?: string;
}

const MESSAGES = {
  unknownStep: "This question does not exist",
  notApplicable: "This question does not apply to the answers you have given. Go back and check your answers",
  earlierIncomplete: "Answer the earlier questions first",
  unexpectedFields: "The form contained information it should not have. Go back and try again",
  unreadable: "The form could not be read. Try again",
};

/**
 * Validates one step's form input. Returns the value to store, or GOV.UK-style errors with one
 * message per field in the order the fields appear.
 */
export function parseStep<Id extends StepId>(stepId: Id, input: unknown, context?: ParseContext): StepParseResult<Id>;
export function parseStep(stepId: string, input: unknown, context?: ParseContext): StepParseResult;
export function parseStep(stepId: string, input: unknown, context: ParseContext = {}): StepParseResult {
  if (!isStepId(stepId)) return failure(MESSAGES.unknownStep);
  if (context.answers) {
    if (!isStepApplicable(context.answers, stepId)) return failure(MESSAGES.notApplicable);
    if (!canVisitStep(context.answers, stepId)) return failure(MESSAGES.earlierIncomplete);
  }
  const step = STEPS[stepId];
  const parsed = (step.schema as z.ZodType<unknown>).safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsFrom(parsed.error, step.fields) };

  const crossStep = crossStepErrors(stepId, parsed.data as StepValues[StepId], context);
  if (crossStep.length > 0) return { ok: false, errors: crossStep };
  return { ok: true, value: parsed.data as StepValues[StepId] };
}

function failure(message: string): StepParseResult {
  return { ok: false, errors: [{ field: FORM_ERROR_FIELD, message }] };
}

function errorsFrom(error: z.ZodError, fields: readonly FieldDefinition[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const isFormLevel = issue.code === "unrecognized_keys" || issue.path.length === 0;
    const field = isFormLevel ? FORM_ERROR_FIELD : String(issue.path[0]);
    const message =
      issue.code === "unrecognized_keys"
        ? MESSAGES.unexpectedFields
        : isFormLevel
          ? MESSAGES.unreadable
          : issue.message;
    if (!byField.has(field)) byField.set(field, message);
  }
  const order = [FORM_ERROR_FIELD, ...fields.map((field) => field.name)];
  return [...byField]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** Whether the person gave consent, taking an answer given after advice into account. */
export function consentGiven(answers: WizardAnswers): boolean {
  return effectiveAnswer(answers, "consent") === "given";
}

/** Confidential unless the practitioner said it is not, because the cautious default protects people. */
export function treatedAsConfidential(answers: WizardAnswers): boolean {
  return (
    !(isStepApplicable(answers, "identifiable") && effectiveAnswer(answers, "identifiable") === "no") &&
    !(isStepApplicable(answers, "confidential") && effectiveAnswer(answers, "confidential") === "no")
  );
}

export function lawfulBasisSelectionFrom(answer: LawfulBasisAnswer): LawfulBasisSelection {
  const { criminalOffenceData, ...rest } = answer;
  return {
    ...rest,
    specialCategory: answer.specialCategory === "yes",
    criminalOffenceData: criminalOffenceData === "yes",
  };
}

export function lawfulBasisContextFrom(answers: WizardAnswers, organisationKind: OrganisationKind): LawfulBasisContext {
  const otherReason = answers["other-lawful-reason"];
  const reasonsApply = isStepApplicable(answers, "other-lawful-reason") && otherReason?.otherLawfulReason === "yes";
  return {
    organisationKind,
    consentGiven: consentGiven(answers),
    confidential: treatedAsConfidential(answers),
    atRiskOfSignificantHarm: atRiskOfSignificantHarm(answers),
    otherLawfulReasonKinds: reasonsApply ? (otherReason.reasonKinds ?? []) : [],
  };
}

/** Checks that need answers from other steps or facts about the organisation. */
export function crossStepErrors(
  stepId: StepId,
  value: StepValues[StepId],
  { answers, organisationKind, today }: ParseContext,
): FieldError[] {
  if (stepId === "lawful-basis" && answers) {
    const answer = value as LawfulBasisAnswer;
    const errors: FieldError[] = [];
    if (aboutSomeoneWhoMayPoseARisk(answers) && answer.criminalOffenceData === undefined) {
      errors.push({ field: "criminalOffenceData", message: CRIMINAL_OFFENCE_DATA_UNANSWERED });
    }
    if (organisationKind) {
      const selection = lawfulBasisSelectionFrom(answer);
      const context = lawfulBasisContextFrom(answers, organisationKind);
      errors.push(...validateLawfulBases(selection, context).map(({ field, message }) => ({ field, message })));
    }
    return uniqueByField(errors);
  }
  if (stepId === "decision" && today) {
    const { decisionDate } = value as StepValues["decision"];
    if (decisionDate > today) {
      return [{ field: "decisionDate", message: "Date of the decision must be today or in the past" }];
    }
  }
  if (stepId === "emergency-action" && today) {
    const { actionDate } = value as StepValues["emergency-action"];
    if (actionDate > today) {
      return [{ field: "actionDate", message: "Date action was taken must be today or in the past" }];
    }
  }
  if (stepId === "not-sharing") {
    const { requesterTold, revisitDate } = value as StepValues["not-sharing"];
    const errors: FieldError[] = [];
    if (requesterTold === "no-requester" && answers?.request?.origin === "request") {
      errors.push({ field: "requesterTold", message: REQUESTER_WAS_THERE });
    }
    if (today && revisitDate < today) {
      errors.push({ field: "revisitDate", message: "The date to look at this decision again must be today or later" });
    }
    return errors;
  }
  if (stepId === "consent-from" && answers && isAboutAnAdultAtRisk(answers)) {
    const { consentFrom } = value as StepValues["consent-from"];
    if (consentFrom !== "adult") return [{ field: "consentFrom", message: ADULT_DECIDES_FOR_THEMSELVES }];
  }
  return [];
}

export const CRIMINAL_OFFENCE_DATA_UNANSWERED =
  "Select whether the information includes criminal offence data: you said it is about someone who may pose a risk";
export const REQUESTER_WAS_THERE = "Someone asked for this information: select whether you have told them";
export const ADULT_DECIDES_FOR_THEMSELVES =
  "The information is about an adult at risk: select the adult, whose consent it is (or who lacks capacity)";

/** "Someone who may pose a risk": allegations about them are criminal offence data (UK GDPR Art 10). */
export function aboutSomeoneWhoMayPoseARisk(answers: WizardAnswers): boolean {
  const about = isStepApplicable(answers, "about-the-information") ? answers["about-the-information"] : undefined;
  const concern = isStepApplicable(answers, "concern") ? answers.concern : undefined;
  return (
    (about?.informationAbout.includes("person-may-pose-risk") ?? false) ||
    (concern?.concernCategories.includes("person-may-pose-risk") ?? false)
  );
}

function uniqueByField(errors: FieldError[]): FieldError[] {
  return errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index);
}

export type AnswersParseResult =
  { ok: true; answers: WizardAnswers } | { ok: false; problems: Array<{ stepId: string; errors: FieldError[] }> };

/**
 * Re-validates answers read back from storage (a draft's JSON), since the database is not a
 * trusted source of shape. Every key must be a step and every value must still pass its schema.
 * Answers stored before a page was split are first moved onto the pages that ask them now.
 */
export function parseAnswers(storedAnswers: unknown): AnswersParseResult {
  const stored = upgradeStoredAnswers(storedAnswers);
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return {
      ok: false,
      problems: [{ stepId: FORM_ERROR_FIELD, errors: [{ field: FORM_ERROR_FIELD, message: MESSAGES.unreadable }] }],
    };
  }
  const answers: WizardAnswers = {};
  const problems: Array<{ stepId: string; errors: FieldError[] }> = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!(ANSWER_STEP_IDS as readonly string[]).includes(key)) {
      problems.push({ stepId: key, errors: [{ field: FORM_ERROR_FIELD, message: MESSAGES.unknownStep }] });
      continue;
    }
    const result = parseStep(key as AnswerStepId, value);
    if (result.ok) Object.assign(answers, { [key]: result.value });
    else problems.push({ stepId: key, errors: result.errors });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/**
 * Turns posted form entries into a step's form input: checkbox groups become lists, GOV.UK date
 * inputs ("name-day", "name-month", "name-year") become one YYYY-MM-DD string, and everything
 * else stays as posted, so the step's schema still sees, and refuses, anything unexpected.
 * Drop framework fields (such as Next.js action ids) before calling this.
 */
export function collectFormInput(
  stepId: StepId,
  entries: Iterable<readonly [string, unknown]>,
): Record<string, unknown> {
  const fields = STEPS[stepId].fields;
  const kindOf = new Map(fields.map((field) => [field.name, field.kind]));
  const dateParts = new Map<string, Partial<Record<"day" | "month" | "year", unknown>>>();
  const collected: Record<string, unknown> = {};

  for (const [key, value] of entries) {
    const datePart = /^(.+)-(day|month|year)$/.exec(key);
    if (datePart?.[1] && kindOf.get(datePart[1]) === "date") {
      const parts = dateParts.get(datePart[1]) ?? {};
      parts[datePart[2] as "day" | "month" | "year"] = value;
      dateParts.set(datePart[1], parts);
      continue;
    }
    const existing = collected[key];
    if (kindOf.get(key) === "checkboxes") {
      collected[key] = [...(Array.isArray(existing) ? existing : []), value];
    } else if (key in collected) {
      collected[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
    } else {
      collected[key] = value;
    }
  }
  for (const [name, parts] of dateParts) collected[name] = isoDateFromParts(parts);
  return collected;
}

function isoDateFromParts(parts: Partial<Record<"day" | "month" | "year", unknown>>): string {
  const text = (part: unknown) => (typeof part === "string" ? part.trim() : "");
  const [day, month, year] = [text(parts.day), text(parts.month), text(parts.year)];
  if (!day && !month && !year) return "";
  return `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export interface AnswerSummaryRow {
  field: string;
  label: string;
  /** One line per selected option, or the text as entered. */
  lines: string[];
}

/** The rows a "Check your answers" list or a record page shows for one step's answer. */
export function summariseAnswer<Id extends AnswerStepId>(stepId: Id, value: StepValues[Id]): AnswerSummaryRow[] {
  const record = value as unknown as Record<string, unknown>;
  return STEPS[stepId].fields.flatMap((field) => {
    const entry = record[field.name];
    if (entry === undefined || (Array.isArray(entry) && entry.length === 0)) return [];
    const values = (Array.isArray(entry) ? entry : [entry]).map(String);
    const labelFor = (item: string) => field.options?.find((option) => option.value === item)?.label ?? item;
    return [{ field: field.name, label: field.label, lines: values.map(labelFor) }];
  });
}
