/**
 * Every email InfoShare sends (decision 019), rendered from a template name and one link, nothing
 * else: no name, no case reference, no detail of a decision or a child can reach a message,
 * because the renderer is never given any. Email leaves our control (forwarding, shared
 * mailboxes, phones), so it says only that there is something to look at, behind a sign-in.
 */
/** What a person is notified of in the app (src/server/notifications), each also sent as an email. */
export const NOTIFICATION_KINDS = [
  "REVIEW_REQUESTED",
  "DECISION_CHALLENGED",
  "DECISION_ENDORSED",
  "REPLY_RECEIVED",
  "ESCALATION_RAISED",
  "ESCALATION_RESOLVED",
  // Issue 14: a partner's request reached the contact team; the contact team answered it.
  "REQUEST_RECEIVED",
  "REQUEST_ANSWERED",
  // Its clocks: due soon (to whoever has it), overdue (to the contact team's supervisors).
  "REQUEST_DUE_SOON",
  "REQUEST_OVERDUE",
  // Decision 030: a request reached the lead safeguarding partners; they decided (to both parties).
  "REQUEST_ESCALATED",
  "REQUEST_ESCALATION_DECIDED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_TEMPLATES = [...NOTIFICATION_KINDS, "INVITATION", "PASSWORD_RESET", "PASSWORD_CHANGED"] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export function isEmailTemplate(value: string): value is EmailTemplate {
  return (EMAIL_TEMPLATES as readonly string[]).includes(value);
}

interface TemplateText {
  subject: string;
  /** Before the link. */
  lead: string;
  /** After the link. */
  after?: string;
}

const SIGN_IN_NOTE = "You will be asked to sign in.";

const TEMPLATES: Record<EmailTemplate, TemplateText> = {
  REVIEW_REQUESTED: {
    subject: "A decision needs your review",
    lead: "A decision needs your review:",
    after: SIGN_IN_NOTE,
  },
  DECISION_CHALLENGED: {
    subject: "A decision of yours has been challenged",
    lead: "Your supervisor has challenged a decision you recorded:",
    after: SIGN_IN_NOTE,
  },
  DECISION_ENDORSED: {
    subject: "A decision of yours has been endorsed",
    lead: "Your supervisor has endorsed a decision you recorded:",
    after: SIGN_IN_NOTE,
  },
  REPLY_RECEIVED: {
    subject: "A reply to your challenge",
    lead: "The practitioner has replied to your challenge:",
    after: SIGN_IN_NOTE,
  },
  ESCALATION_RAISED: {
    subject: "A decision has been escalated",
    lead: "A decision has been escalated:",
    after: SIGN_IN_NOTE,
  },
  ESCALATION_RESOLVED: {
    subject: "An escalation has been resolved",
    lead: "An escalation has been resolved:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_RECEIVED: {
    subject: "A partner has asked your team for information",
    lead: "A partner organisation has asked your team for information:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_ANSWERED: {
    subject: "Your request for information has been answered",
    lead: "A partner organisation has answered your request for information:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_DUE_SOON: {
    subject: "A partner's request is nearly due",
    lead: "A request for information from a partner organisation is nearly due:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_OVERDUE: {
    subject: "A partner's request is overdue",
    lead: "A request for information to your team is overdue and has been escalated to you:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_ESCALATED: {
    subject: "A request has been escalated to the lead partners",
    lead: "A request for information between partners has been escalated to you as a lead safeguarding partner:",
    after: SIGN_IN_NOTE,
  },
  REQUEST_ESCALATION_DECIDED: {
    subject: "The lead partners have decided on a request",
    lead: "The lead safeguarding partners have decided on a request for information you are party to:",
    after: SIGN_IN_NOTE,
  },
  INVITATION: {
    subject: "You have been invited to InfoShare",
    lead: "You have been invited to use InfoShare. Open this link to set your password:",
    after: "The link works once and expires in 7 days. If you were not expecting this, ignore this email.",
  },
  PASSWORD_RESET: {
    subject: "Reset your InfoShare password",
    lead: "Someone asked to reset the password for this InfoShare account. To choose a new password, open:",
    after: "The link works once and expires in 1 hour. If you did not ask for this, ignore this email.",
  },
  PASSWORD_CHANGED: {
    subject: "Your InfoShare password has been changed",
    lead: "The password for this InfoShare account has just been changed. If that was not you, reset it now:",
    after: "and tell your InfoShare administrator.",
  },
};

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** `link` is the full URL: the app's base URL and the outbox row's path. */
export function renderEmail(template: EmailTemplate, link: string): RenderedEmail {
  const { subject, lead, after } = TEMPLATES[template];
  const text = [lead, "", link, "", ...(after ? [after, ""] : []), "InfoShare"].join("\n");
  return { subject: `InfoShare: ${subject}`, text };
}

/** The absolute link for a path, on the app's public base URL (no trailing slash doubling). */
export function absoluteLink(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
}
