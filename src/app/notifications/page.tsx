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

/**
 * What each kind of notification says and, for a request's (which names no decision), the list it leads
 * to (decision 030: escalations have their own pages).
 */
const KINDS: Record<NotificationKind, { text: string; requestList?: string }> = {
  REVIEW_REQUESTED: { text: "A decision is waiting for your review" },
  DECISION_CHALLENGED: { text: "Your decision has been challenged" },
  DECISION_ENDORSED: { text: "Your decision has been endorsed" },
  REPLY_RECEIVED: { text: "The practitioner has replied to your challenge" },
  ESCALATION_RAISED: { text: "A decision has been escalated" },
  ESCALATION_RESOLVED: { text: "An escalation has been resolved" },
  REQUEST_RECEIVED: { text: "A partner has asked your team for information", requestList: "/requests/inbox" },
  REQUEST_ANSWERED: { text: "Your request for information has been answered", requestList: "/requests" },
  REQUEST_DUE_SOON: { text: "A partner’s request is nearly due", requestList: "/requests/inbox" },
  REQUEST_OVERDUE: { text: "A partner’s request to your team is overdue", requestList: "/requests/inbox" },
  REQUEST_ESCALATED: {
    text: "A request has been escalated to you as a lead partner",
    requestList: "/requests/escalated",
  },
  REQUEST_ESCALATION_DECIDED: { text: "The lead partners have decided on a request", requestList: "/requests" },
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
  return `${KINDS[n.kind].text}: ${n.decisionReference}${inCase}`;
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
            {notifications.map((n) => {
              const { text, requestList } = KINDS[n.kind];
              return (
                <li key={n.id} className="border-b border-govuk-border py-3">
                  {n.read ? null : <Tag colour="blue">New</Tag>}{" "}
                  {n.decisionReference ? (
                    <Link href={linkFor(n.kind, n.decisionReference)} className={n.read ? "" : "font-bold"}>
                      {textOf(n)}
                    </Link>
                  ) : requestList ? (
                    <Link href={requestList}>{text}</Link>
                  ) : (
                    text
                  )}
                  <span className="block text-[1rem] text-govuk-secondary">{formatDateTime(n.createdAt)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
