// Supervision: reviews of decisions, the review queue's order and cursor, escalations, and the
// status a practitioner sees on their decision.
import { z } from "zod";
import { REVIEW_FLAGS } from "../decision";
import { type GoldenRuleId, GOLDEN_RULE_IDS } from "../guidance";
import { type WizardAnswers, applicableSteps, stepDefinition } from "../wizard";

export const REVIEW_VERDICTS = ["ENDORSEMENT", "CHALLENGE", "NOTE"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export type ReviewKind = ReviewVerdict | "REPLY";

export const COMMENT_MIN_LENGTH = 10;
export const COMMENT_MAX_LENGTH = 5000;

/** PostgreSQL refuses a NUL character in text; the forms remove them, anything else is refused. */
const NO_NUL = { error: "Remove the invisible characters from this text" } as const;
const hasNoNul = (value: string) => !value.includes("\u0000");

const comment = (missing: string, tooShort: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .min(COMMENT_MIN_LENGTH, { error: tooShort })
    .max(COMMENT_MAX_LENGTH, { error: `Comment must be ${COMMENT_MAX_LENGTH} characters or less` })
    .refine(hasNoNul, NO_NUL);

const optionalText = z
  .string()
  .trim()
  .max(COMMENT_MAX_LENGTH, { error: `Comment must be ${COMMENT_MAX_LENGTH} characters or less` })
  .refine(hasNoNul, NO_NUL)
  .optional()
  .transform((value) => (value ? value : undefined));

/** A supervisor's review. A challenge must say what is wrong and what the practitioner should do. */
export const reviewInputSchema = z
  .strictObject({
    kind: z.enum(REVIEW_VERDICTS, { error: "Select endorse, challenge or add a note" }),
    comment: optionalText,
    actionRequired: optionalText,
  })
  .superRefine((input, ctx) => {
    const needsComment = input.kind !== "ENDORSEMENT";
    if (needsComment && !input.comment)
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: input.kind === "CHALLENGE" ? "Explain why you are challenging this decision" : "Enter your note",
      });
    else if (input.comment && input.comment.length < COMMENT_MIN_LENGTH)
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: `Comment must be at least ${COMMENT_MIN_LENGTH} characters`,
      });
    if (input.kind === "CHALLENGE" && !input.actionRequired)
      ctx.addIssue({ code: "custom", path: ["actionRequired"], message: "Say what the practitioner should do" });
  });
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const replyInputSchema = z.strictObject({
  comment: comment("Enter your reply", `Reply must be at least ${COMMENT_MIN_LENGTH} characters`),
});

export const ESCALATION_REASON_MIN_LENGTH = 20;
export const escalationInputSchema = z.strictObject({
  reason: z
    .string({ error: "Explain why you are escalating this decision" })
    .trim()
    .min(1, { error: "Explain why you are escalating this decision" })
    .min(ESCALATION_REASON_MIN_LENGTH, { error: `Reason must be at least ${ESCALATION_REASON_MIN_LENGTH} characters` })
    .max(COMMENT_MAX_LENGTH, { error: `Reason must be ${COMMENT_MAX_LENGTH} characters or less` })
    .refine(hasNoNul, NO_NUL),
});

export const resolveEscalationInputSchema = z.strictObject({
  escalationId: z.uuid({ error: "Choose an escalation" }),
  resolution: comment(
    "Enter how the escalation was resolved",
    `Resolution must be at least ${COMMENT_MIN_LENGTH} characters`,
  ),
});

// ------------------------------------------------------------------------------ the queue

export const QUEUE_PAGE_SIZE = 25;

/** Where a page of the queue ends; the next page starts strictly after it in queue order. */
export interface QueueCursor {
  flagged: boolean;
  recordedAt: string;
  decisionId: string;
}

const cursorSchema = z.strictObject({ f: z.boolean(), r: z.iso.datetime(), d: z.uuid() });

export function encodeQueueCursor(cursor: QueueCursor): string {
  const json = JSON.stringify({ f: cursor.flagged, r: cursor.recordedAt, d: cursor.decisionId });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Returns null for anything that is not a cursor this app made (cursors come from URLs). */
export function decodeQueueCursor(raw: string | undefined): QueueCursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { flagged: parsed.data.f, recordedAt: parsed.data.r, decisionId: parsed.data.d } : null;
  } catch {
    return null;
  }
}

const isoDay = z.iso.date({ error: "Enter a real date" });
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const queueFilterSchema = z.object({
  flag: z.preprocess(blankToUndefined, z.enum(REVIEW_FLAGS).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(["SHARE", "SHARE_PART", "NO_SHARE"]).optional()),
  practitioner: z.preprocess(blankToUndefined, z.uuid().optional()),
  from: z.preprocess(blankToUndefined, isoDay.optional()),
  to: z.preprocess(blankToUndefined, isoDay.optional()),
  after: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** Queue order: flagged decisions first, then oldest first, then by id so the order is total. */
export function compareQueueItems(a: QueueCursor, b: QueueCursor): number {
  if (a.flagged !== b.flagged) return a.flagged ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.decisionId < b.decisionId ? -1 : a.decisionId > b.decisionId ? 1 : 0;
}

// ------------------------------------------------------------------------------ status

export type ReviewStatus =
  "AWAITING_REVIEW" | "ENDORSED" | "CHALLENGED_NEEDS_ACTION" | "CHALLENGED_REPLIED" | "RECONSIDERED";

/**
 * What a practitioner sees on a decision. A challenge needs their action until they reply or
 * record a reconsideration; a later endorsement settles it.
 */
export function reviewStatus(
  reviews: readonly { kind: ReviewKind; createdAt: string }[],
  hasFollowUp: boolean,
): ReviewStatus {
  if (hasFollowUp) return "RECONSIDERED";
  const ordered = [...reviews].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const lastVerdict = ordered.filter((r) => r.kind === "ENDORSEMENT" || r.kind === "CHALLENGE").at(-1);
  if (!lastVerdict) return "AWAITING_REVIEW";
  if (lastVerdict.kind === "ENDORSEMENT") return "ENDORSED";
  const repliedSince = ordered.some((r) => r.kind === "REPLY" && r.createdAt > lastVerdict.createdAt);
  return repliedSince ? "CHALLENGED_REPLIED" : "CHALLENGED_NEEDS_ACTION";
}

/** The golden rules the practitioner met on the way to this decision, in the rules' own order. */
export function rulesTouched(answers: WizardAnswers): GoldenRuleId[] {
  const touched = new Set<GoldenRuleId>();
  for (const stepId of applicableSteps(answers)) {
    if (stepId === "check-answers" || answers[stepId] === undefined) continue;
    for (const ruleId of stepDefinition(stepId).ruleIds) touched.add(ruleId);
  }
  return GOLDEN_RULE_IDS.filter((id) => touched.has(id));
}

// ------------------------------------------------------------------------------ grouped by case

export interface CaseGroup<Row> {
  caseReference: string;
  /** The case's decisions on this page, newest first. */
  rows: Row[];
}

/**
 * One group per case reference (issue 13: the queue listed one case six times, apart). Rows arrive
 * in queue order, so a group's place is that of its most urgent (then oldest) decision; within a
 * group the newest comes first, as a chronology read backwards. Paging stays by decision.
 */
export function groupByCase<Row extends { caseReference: string; recordedAt: string; decisionId: string }>(
  rows: readonly Row[],
): CaseGroup<Row>[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.caseReference);
    if (group) group.push(row);
    else groups.set(row.caseReference, [row]);
  }
  const newestFirst = (a: Row, b: Row) =>
    a.recordedAt !== b.recordedAt ? (a.recordedAt > b.recordedAt ? -1 : 1) : a.decisionId > b.decisionId ? -1 : 1;
  return [...groups].map(([caseReference, items]) => ({ caseReference, rows: [...items].sort(newestFirst) }));
}
