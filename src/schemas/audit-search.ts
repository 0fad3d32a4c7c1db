import { z } from "zod";

/** PostgreSQL's largest bigint: audit event ids are bigserial. */
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

/** Blank means "any"; NUL and other control characters (which PostgreSQL refuses in text) are dropped. */
const blank = (value: unknown) => {
  if (typeof value !== "string") return value;
  const text = value.replace(/[\u0000-\u001f\u007f]/g, "");
  return text.trim() === "" ? undefined : text;
};

const eventCursor = z
  .string()
  .refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_EVENT_ID, {
    error: "That page of the audit log does not exist",
  })
  .optional();

/** Filters for the audit log search; every field optional, blank means "any". */
export const auditSearchSchema = z.object({
  actor: z.preprocess(blank, z.uuid({ error: "Choose a person from the list" }).optional()),
  action: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^[a-z][a-z.-]{0,39}$/, { error: "Choose an action from the list" })
      .optional(),
  ),
  reference: z.preprocess(
    blank,
    z.string().trim().max(60, { error: "Reference must be 60 characters or less" }).optional(),
  ),
  caseReference: z.preprocess(
    blank,
    z.string().trim().max(40, { error: "Case reference must be 40 characters or less" }).optional(),
  ),
  outcome: z.preprocess(
    blank,
    z.enum(["SUCCESS", "DENIED", "FAILURE"], { error: "Choose an outcome from the list" }).optional(),
  ),
  from: z.preprocess(blank, z.iso.date({ error: "Enter a real 'from' date" }).optional()),
  to: z.preprocess(blank, z.iso.date({ error: "Enter a real 'to' date" }).optional()),
  // Page cursors: an event id, so no larger than PostgreSQL's bigint (a larger one failed the query).
  // "before" pages on from the newest, "after" from the oldest.
  before: z.preprocess(blank, eventCursor),
  after: z.preprocess(blank, eventCursor),
  order: z.preprocess(blank, z.enum(["newest", "oldest"], { error: "Choose newest or oldest first" }).optional()),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** The actions the app records, for the search form's list. */
export const AUDITED_ACTIONS = [
  "auth.sign-in",
  "auth.sign-out",
  "auth.session-end",
  "access.denied",
  "draft.create",
  "draft.save",
  "draft.discard",
  "decision.record",
  "decision.view",
  "decision.export",
  "decision.review",
  "decision.reply",
  "decision.confirm-share",
  "escalation.raise",
  "escalation.resolve",
  "settings.change",
  "sso.configure",
  "sso.test-connection",
  "user.disable",
  "user.enable",
  "user.update",
  "organisation.update",
  "team.create",
  "team.rename",
  "team.archive",
  "team.unarchive",
  "audit.verify",
  "audit.export",
  "audit.checkpoint",
  "audit.checkpoints",
  "decisions.export",
  "subject-access.export",
  "subject-access.search",
  "retention.extend",
  "retention.dispose",
  "setup.complete",
  "invitation.create",
  "invitation.resend",
  "invitation.revoke",
  "invitation.import",
  "invitation.accept",
  "password-reset.request",
  "password-reset.complete",
  "case.view",
  "review.team-view",
  "consultation.record",
  "consultation.view",
  "consultation.link",
  "arrangement.add",
  "arrangement.change",
  "arrangement.remove",
  "retention.rules.change",
  "auth.second-factor",
  "second-factor.enrol",
  "second-factor.recovery-codes",
  "second-factor.remove",
  "second-factor.reset",
  // Issue 14: information requests between partner agencies.
  "request.send",
  "request.view",
  "request.assign",
  "request.acknowledge",
  "request.answer",
  "request.confirm-receipt",
  "request.remind",
  "request.escalate",
  "request.dispute-refusal",
  "request.escalate-to-lead-partners",
  "request.view-escalated",
  "request.decide-escalation",
  "partnership.oversight-export",
  // Decision 033: the partnership's response times and the bank holidays, set by admins.
  "partnership.response-times",
  "bank-holiday.add",
  "bank-holiday.remove",
] as const;
