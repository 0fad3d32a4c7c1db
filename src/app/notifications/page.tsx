import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/current-actor";
import { type NotificationRow, listNotifications } from "@/server/notifications/list-notifications";
import type { NotificationKind } from "@/server/notifications/notify";
import { PageHeading, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { reviewRequestText } from "@/domain/review/review-request-text";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const MESSAGES: Record<NotificationKind, string> = {
  REVIEW_REQUESTED: "A decision is waiting for your review",
  DECISION_CHALLENGED: "Your decision has been challenged",
  DECISION_ENDORSED: "Your decision has been endorsed",
  REPLY_RECEIVED: "The practitioner has replied to your challenge",
  ESCALATION_RAISED: "A decision has been escalated",
  ESCALATION_RESOLVED: "An escalation has been resolved",
  REQUEST_RECEIVED: "A partner has asked your team for information",
  REQUEST_ANSWERED: "Your request for information has been answered",
  REQUEST_DUE_SOON: "A partner’s request is nearly due",
  REQUEST_OVERDUE: "A partner’s request to your team is overdue",
  REQUEST_ESCALATED: "A request has been escalated to you as a lead partner",
  REQUEST_ESCALATION_DECIDED: "The lead partners have decided on a request",
};

// Where a request's notification leads (decision 030: escalations have their own pages).
const REQUEST_LINKS: Partial<Record<NotificationKind, string>> = {
  REQUEST_ANSWERED: "/requests",
  REQUEST_ESCALATED: "/requests/escalated",
  REQUEST_ESCALATION_DECIDED: "/requests",
};

/** A grouped review request names its case, its reason and its count (issue 13); others their decision. */
function textOf(n: NotificationRow): string {
  if (n.kind === "REVIEW_REQUESTED" && n.reason && n.caseReference && n.decisionReference)
    return reviewRequestText({
      caseReference: n.caseReference,
      reason: n.reason,
      count: n.decisionCount,
      latestReference: n.decisionReference,
    });
  const inCase = n.caseReference ? ` (case ${n.caseReference})` : "";
  return `${MESSAGES[n.kind]}: ${n.decisionReference}${inCase}`;
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const notifications = await listNotifications(user);
  const unread = notifications.filter((n) => !n.read).length;
  const linkFor = (kind: NotificationKind, reference: string) => {
    if (kind === "REVIEW_REQUESTED" || kind === "REPLY_RECEIVED") return `/review/${reference}`;
    if ((kind === "ESCALATION_RAISED" || kind === "ESCALATION_RESOLVED") && user.role !== "PRACTITIONER")
      return "/escalations";
    return `/decisions/${reference}`;
  };
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      {notifications.length === 0 ? (
        <p className="govuk-body">You have no notifications.</p>
      ) : (
        <>
          {unread > 0 ? (
            <form action={markNotificationsReadAction}>
              <button type="submit" className="govuk-button govuk-button-secondary">
                Mark all as read
              </button>
            </form>
          ) : null}
          <ul className="govuk-list" data-testid="notifications">
            {notifications.map((n) => (
              <li key={n.id} className="border-b border-govuk-border py-3">
                {n.read ? null : <Tag colour="blue">New</Tag>}{" "}
                {n.decisionReference ? (
                  <Link href={linkFor(n.kind, n.decisionReference)} className={n.read ? "" : "font-bold"}>
                    {textOf(n)}
                  </Link>
                ) : n.kind.startsWith("REQUEST_") ? (
                  <Link href={REQUEST_LINKS[n.kind] ?? "/requests/inbox"}>{MESSAGES[n.kind]}</Link>
                ) : (
                  MESSAGES[n.kind]
                )}
                <span className="block text-[1rem] text-govuk-secondary">{formatDateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
