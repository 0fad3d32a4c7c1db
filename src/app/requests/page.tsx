import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listSentRequests } from "@/server/requests/list-sent-requests";
import { listEscalatedRequests } from "@/server/requests/list-escalated-requests";
import { PageHeading } from "@/components/layout-bits";
import { PROGRESS_COLUMNS, RequestTable } from "./request-list";

export const metadata: Metadata = { title: "Requests for information" };

export default async function RequestsPage() {
  const user = await requirePermission("request.list-own");
  const sent = await listSentRequests(user);
  const escalated = await listEscalatedRequests(user, {});
  return (
    <>
      <PageHeading caption={user.organisationName}>Requests for information</PageHeading>
      <p className="govuk-body">
        Ask a partner organisation of your safeguarding partnership for information about a child. Their contact team
        must answer within the partnership’s response time for the priority you choose.
      </p>
      <p className="govuk-body">
        <Link href="/requests/new" className="govuk-button" role="button" draggable={false}>
          Ask a partner for information
        </Link>
      </p>
      <p className="govuk-body">
        <Link href="/requests/inbox">Requests your team has received</Link>
      </p>
      {escalated.ok && escalated.partnerships.length > 0 ? (
        <p className="govuk-body">
          <Link href="/requests/escalated">Requests escalated to you as a lead safeguarding partner</Link>
          {escalated.rows.length > 0
            ? ` (${escalated.rows.length}${escalated.next ? "+" : ""} waiting for a decision)`
            : ""}
        </p>
      ) : null}
      {escalated.ok && escalated.partnerships.length > 0 ? (
        <p className="govuk-body">
          <Link href="/requests/oversight">Partnership oversight: response times, overdue requests, escalations</Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Requests you have sent</h2>
      {sent.length === 0 ? (
        <p className="govuk-body">You have not sent any requests.</p>
      ) : (
        <RequestTable
          label="Requests you have sent"
          testId="sent-requests"
          rows={sent}
          columns={[
            { heading: "Asked", cell: (r) => r.respondingOrganisation },
            { heading: "Your case", cell: (r) => r.caseReference },
            ...PROGRESS_COLUMNS,
          ]}
        />
      )}
    </>
  );
}
