import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listSentRequests } from "@/server/requests/list-sent-requests";
import { listEscalatedRequests } from "@/server/requests/list-escalated-requests";
import { PageHeading, TableHead, TableRegion, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { PRIORITY_COLOURS, priorityLabel, statusLabel } from "./labels";

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
        <TableRegion label="Requests you have sent">
          <table className="govuk-table" data-testid="sent-requests">
            <TableHead columns={["Reference", "Asked", "Your case", "Priority", "Due", "Status"]} />
            <tbody>
              {sent.map((r) => (
                <tr key={r.reference}>
                  <td>
                    <Link href={`/requests/${r.reference}`}>{r.reference}</Link>
                  </td>
                  <td>{r.respondingOrganisation}</td>
                  <td>{r.caseReference}</td>
                  <td>
                    <Tag colour={PRIORITY_COLOURS[r.priority]}>{priorityLabel(r.priority)}</Tag>
                  </td>
                  <td>
                    {formatDateTime(r.dueAt)}
                    {r.overdue ? (
                      <>
                        {" "}
                        <Tag colour="red">Overdue</Tag>
                      </>
                    ) : null}
                  </td>
                  <td>{statusLabel(r.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
