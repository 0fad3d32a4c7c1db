// The audit log in words (issue 13): one table of what each recorded action means, used by the audit
// pages and the CSV export alike. audit-labels.test.ts fails when the app records an action missing here.
import { formatUkDateTime } from "@/domain/calendar";
import { ROLE_LABELS, type Role } from "@/domain/policy";
import { isStepId, stepDefinition } from "@/domain/wizard";
import { FLAG_LABELS, INDICATION_LABELS, KIND_LABELS, OUTCOME_LABELS } from "./decision-labels";
import { REVIEW_KIND_LABELS } from "./review-labels";

/** Every action the app records, as what happened, in the words of someone reading the log. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign-in": "Signed in",
  "auth.sign-out": "Signed out",
  "auth.session-end": "Ended a session",
  "access.denied": "Was refused access",
  "draft.create": "Started a draft decision",
  "draft.save": "Saved a draft answer",
  "draft.discard": "Discarded a draft decision",
  "decision.record": "Recorded a decision",
  "decision.view": "Viewed a decision",
  "decision.export": "Downloaded a decision",
  "decision.review": "Reviewed a decision",
  "decision.reply": "Replied to a review",
  "escalation.raise": "Raised an escalation",
  "escalation.resolve": "Resolved an escalation",
  "settings.change": "Changed the organisation’s settings",
  "user.disable": "Disabled a user",
  "user.enable": "Enabled a user",
  "audit.verify": "Verified the audit log",
  "audit.export": "Exported the audit log",
  "audit.checkpoint": "Signed an audit checkpoint",
  "audit.checkpoints": "Downloaded the audit checkpoints",
  "decisions.export": "Exported decisions",
  "subject-access.export": "Exported records for a subject access request",
  "subject-access.search": "Searched for records for a subject access request",
  "retention.extend": "Kept a record longer",
  "retention.dispose": "Disposed of a record",
  "user.update": "Changed a person’s role or team",
  "organisation.update": "Changed the organisation’s profile",
  "team.create": "Created a team",
  "team.rename": "Renamed a team",
  "team.archive": "Archived a team",
  "team.unarchive": "Brought back an archived team",
  "setup.complete": "Set up the organisation and its first administrator",
  "invitation.create": "Invited a person",
  "invitation.resend": "Sent an invitation again",
  "invitation.revoke": "Withdrew an invitation",
  "invitation.import": "Invited people from a CSV file",
  "invitation.accept": "Accepted an invitation",
  "password-reset.request": "Asked to reset a password",
  "password-reset.complete": "Reset a password",
  "case.view": "Viewed a case’s history",
  "review.team-view": "Viewed the team’s decisions",
  "consultation.record": "Recorded advice sought without naming the child",
  "consultation.view": "Viewed a consultation",
  "consultation.link": "Linked a consultation to a record",
  "arrangement.add": "Added a local arrangement",
  "arrangement.change": "Changed a local arrangement",
  "arrangement.remove": "Removed a local arrangement",
  "retention.rules.change": "Changed how long each type of record is kept",
  "decision.confirm-share": "Confirmed a share was done",
  "auth.second-factor": "Gave their second factor",
  "second-factor.enrol": "Set up a second factor",
  "second-factor.recovery-codes": "Made new recovery codes",
  "second-factor.remove": "Removed a second factor",
  "second-factor.reset": "Reset a person’s second factor",
  "sso.configure": "Changed single sign-on",
  "sso.test-connection": "Tested the single sign-on connection",
  // Issue 14: information requests between partner agencies, logged by both organisations.
  "request.send": "Sent a request for information to a partner",
  "request.view": "Viewed a request for information",
  "request.assign": "Assigned a request for information",
  "request.acknowledge": "Acknowledged a request for information",
  "request.answer": "Answered a request for information",
  "request.confirm-receipt": "Confirmed receipt of a partner’s answer",
  "request.remind": "Reminded a contact team that a request is nearly due",
  "request.escalate": "Escalated an overdue request to the contact team’s supervisor",
  "request.dispute-refusal": "Took a partner’s refusal to the lead safeguarding partners",
  "request.escalate-to-lead-partners": "Escalated an unanswered request to the lead safeguarding partners",
  "request.view-escalated": "Read an escalated request as a lead safeguarding partner",
  "request.decide-escalation": "Decided an escalated request as a lead safeguarding partner",
  "partnership.oversight-export": "Exported the partnership’s response figures",
  // Decision 033.
  "partnership.response-times": "Changed the partnership’s response times",
  "bank-holiday.add": "Added a bank holiday",
  "bank-holiday.remove": "Removed a bank holiday",
};

/** What happened, for an action; an action with no label (it fails a test) shows as recorded. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** A role in full words ("Information governance lead", not "IG_LEAD"). */
export function auditRoleLabel(role: string | null): string | null {
  if (role === null) return null;
  return ROLE_LABELS[role as Role] ?? role;
}

export const AUDIT_OUTCOME_LABELS: Record<string, string> = {
  SUCCESS: "Done",
  DENIED: "Refused",
  FAILURE: "Failed",
};

/** An IPv4 address as people write it: the IPv6 mapping PostgreSQL and Node add ("::ffff:") taken off. */
export function plainIpAddress(ip: string | null): string | null {
  if (ip === null) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

/** Names for the keys the app writes in events' details. */
const DETAIL_LABELS: Record<string, string> = {
  step: "Question",
  kind: "Kind",
  channel: "Seen as",
  cause: "Why",
  reason: "Reason",
  attempted: "What was attempted",
  emailTag: "Email (fingerprint)",
  sessionId: "Session",
  escalationId: "Escalation",
  format: "Format",
  filter: "Filter",
  checkpoints: "Checkpoints",
  outcome: "Decision",
  indication: "The flowchart indicated",
  departsFromIndication: "Departs from the flowchart",
  flags: "Flags",
  supersedes: "Replaces",
  decisions: "Decisions",
  references: "References",
  referencesOmitted: "More references not listed",
  before: "Before",
  after: "After",
  from: "From",
  to: "To",
  completed: "Completed",
  intact: "Intact",
  eventsChecked: "Events checked",
  caseReference: "Case reference",
  draftStep: "Next question",
};

/** Codes the app writes as detail values, in words, by the key they are written under. */
const DETAIL_VALUE_WORDS: Record<string, (value: string) => string | undefined> = {
  step: (value) => (isStepId(value) && value !== "check-answers" ? stepDefinition(value).title : undefined),
  draftStep: (value) =>
    value === "check-answers" ? "Every question answered" : isStepId(value) ? stepDefinition(value).title : undefined,
  kind: (value) =>
    (KIND_LABELS as Record<string, string>)[value] ?? (REVIEW_KIND_LABELS as Record<string, string>)[value],
  outcome: (value) => (OUTCOME_LABELS as Record<string, string>)[value],
  indication: (value) => INDICATION_LABELS[value],
  flags: (value) => FLAG_LABELS[value],
  attempted: (value) => AUDIT_ACTION_LABELS[value],
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "retentionYears" → "Retention years", for a key with no label of its own. */
function wordsFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function detailValueText(value: unknown, key = ""): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    const words = DETAIL_VALUE_WORDS[key]?.(value);
    if (words) return words;
    return ISO_INSTANT.test(value) ? formatUkDateTime(new Date(value)) : value;
  }
  if (typeof value === "number") return value.toLocaleString("en-GB");
  if (Array.isArray(value)) {
    return value.length === 0 ? "None" : value.map((item) => detailValueText(item, key)).join(", ");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, innerValue]) => `${wordsFromKey(inner)}: ${detailValueText(innerValue, inner)}`)
      .join("; ");
  }
  return String(value);
}

export interface AuditDetailLine {
  label: string;
  value: string;
}

/** An event's details as labelled lines of text, in the order they were written. */
export function auditDetailLines(detail: unknown): AuditDetailLine[] {
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => ({
    label: DETAIL_LABELS[key] ?? wordsFromKey(key),
    value: detailValueText(value, key),
  }));
}
