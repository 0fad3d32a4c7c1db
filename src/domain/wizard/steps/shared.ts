import { z } from "zod";
import { FLOWCHART, type AdvisableQuestionId, type FlowchartOption } from "../../flowchart";
import type { GoldenRuleId, GuidanceNoteId } from "../../guidance";
import type { StepId, StepValues } from "../answers";
import {
  TEXTAREA_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  requiredText,
  withoutUndefined,
  type FieldDefinition,
  type FieldOption,
} from "../fields";

/**
 * The wizard's sections, in the order every path meets them: progress ("Section 2 of 6") counts up
 * and never down only because `STEP_IDS` never goes back to an earlier one (tested). Advice on a
 * question belongs to that question's section; safety and well-being comes last, after a share or not.
 */
export const STEP_CAPTIONS = [
  "New information",
  "Urgency",
  "About the concern",
  "Can you share?",
  "Your decision",
  "Lawful basis",
  "Sharing safely",
  "Safety and well-being",
] as const;

export type StepCaption = (typeof STEP_CAPTIONS)[number];

/** Everything one generic page needs to render, validate and explain a step. */
export interface StepDefinition<Id extends StepId = StepId> {
  id: Id;
  /** The page heading, phrased as the question (GOV.UK style). */
  title: string;
  caption: StepCaption;
  hint?: string;
  /** Golden rules whose guidance appears on the page. */
  ruleIds: readonly GoldenRuleId[];
  noteIds?: readonly GuidanceNoteId[];
  fields: readonly FieldDefinition[];
  /** Parses the page's form input (strings; checkboxes as string[]) into the stored answer. */
  schema: z.ZodType<StepValues[Id]>;
}

export const YES_NO = ["yes", "no"] as const;
export const YES_NO_NOT_SURE = ["yes", "no", "not-sure"] as const;
export const CONSENT_ANSWERS = ["given", "refused", "withdrawn", "not-sought", "not-sure"] as const;
export const RESOLVED_CONSENT_ANSWERS = ["given", "refused", "withdrawn", "not-sought"] as const;

export const tooLong = (name: string, max = TEXT_MAX_LENGTH) => `${name} must be ${max} characters or less`;

/** A free-text box that must be answered; `name` starts the message when the answer is too long. */
export function requiredTextarea(missing: string, name: string) {
  return requiredText({ missing, tooLong: tooLong(name, TEXTAREA_MAX_LENGTH) }, TEXTAREA_MAX_LENGTH);
}

export function flowchartOptions(options: ReadonlyArray<FlowchartOption<string>>): FieldOption[] {
  return options.map(({ value, label, hint }) => (hint ? { value, label, hint } : { value, label }));
}

export function missingIssue(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: "custom", path: [field], message });
}

function isBlank(entry: unknown): boolean {
  return entry === undefined || entry === "" || (Array.isArray(entry) && entry.length === 0);
}

/** While the answer that reveals them is chosen, each blank field gets its "missing" message. */
export function requireWhen<T extends object>(
  shown: boolean,
  value: T,
  ctx: z.RefinementCtx,
  messages: Partial<Record<keyof T & string, string>>,
): void {
  if (!shown) return;
  for (const [field, message] of Object.entries(messages) as Array<[keyof T & string, string]>) {
    if (isBlank(value[field])) missingIssue(ctx, field, message);
  }
}

/** Drops the fields another answer hid, so a stored answer holds only what its page showed. */
export function dropWhen<T extends object>(hidden: boolean, value: T, fields: ReadonlyArray<keyof T>): T {
  const shownOnly = hidden ? { ...value, ...Object.fromEntries(fields.map((field) => [field, undefined])) } : value;
  return withoutUndefined(shownOnly);
}

/**
 * A page that asks one flowchart question as radios, worded as the flowchart words it; `reveals`
 * adds the fields one option shows (GOV.UK conditional reveal).
 */
export function flowchartQuestionStep<Id extends AdvisableQuestionId>(
  id: Id,
  page: {
    fieldName: string;
    schema: z.ZodType<StepValues[Id]>;
    /** The golden rule shown here, if this is the one page it belongs on (each is shown once). */
    ruleIds?: readonly GoldenRuleId[];
    noteIds?: readonly GuidanceNoteId[];
    reveals?: { option: string; fields: readonly FieldDefinition[] };
    /** "Can you share?" unless the question is asked earlier, among those about the concern. */
    caption?: StepCaption;
  },
): StepDefinition<Id> {
  const question = FLOWCHART[id];
  const { reveals } = page;
  const options = flowchartOptions(question.options).map((option) =>
    reveals && option.value === reveals.option
      ? { ...option, revealsFields: reveals.fields.map((field) => field.name) }
      : option,
  );
  return {
    id,
    title: question.question,
    caption: page.caption ?? "Can you share?",
    hint: question.hint,
    ruleIds: page.ruleIds ?? [],
    ...(page.noteIds ? { noteIds: page.noteIds } : {}),
    fields: [{ name: page.fieldName, kind: "radios", label: question.question, options }, ...(reveals?.fields ?? [])],
    schema: page.schema,
  };
}

/** A page, named once (its id keys both the page and its stored answers), in its part of the journey. */
export function defineStep<Id extends StepId>(
  id: Id,
  caption: StepCaption,
  page: Omit<StepDefinition<Id>, "id" | "caption">,
): StepDefinition<Id> {
  const { title, ...rest } = page;
  return { id, title, caption, ...rest };
}
