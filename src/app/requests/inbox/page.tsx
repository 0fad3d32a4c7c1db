import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listRequestInbox } from "@/server/requests/list-request-inbox";
import { BackLink, PageHeading, TableHead, TableRegion, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { PRIORITY_COLOURS, priorityLabel, statusLabel } from "../labels";

export const metadata: Metadata = { title: "Requests your team has received" };

export default async function RequestInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("request.inbox");
  const params = await searchParams;
  const result = await listRequestInbox(user, params);
  const show = params.show === "all" ? "all" : "open";
  const nextPage =
    result.ok && result.next
      ? new URLSearchParams({ ...(show === "all" ? { show } : {}), after: result.next }).toString()
      : "";
  return (
    <>
      <BackLink href="/requests" />
      <PageHeading caption={user.organisationName}>Requests your team has received</PageHeading>
      {!result.ok || result.contactTeam === null ? (
        <p className="govuk-body">
          Your team is not your organisation’s contact team for partners’ requests, so requests do not come to you.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Requests from partner organisations to the {result.contactTeam}, what is due first at the top.
          </p>
          <p className="govuk-body">
            {show === "open" ? (
              <>
                Showing requests waiting for an answer. <Link href="/requests/inbox?show=all">Show all requests</Link>
              </>
            ) : (
              <>
                Showing all requests. <Link href="/requests/inbox">Show only those waiting for an answer</Link>
              </>
            )}
          </p>
          {result.rows.length === 0 ? (
            <p className="govuk-body">There are no requests here.</p>
          ) : (
            <TableRegion label="Requests received">
              <table className="govuk-table" data-testid="request-inbox">
                <TableHead columns={["Reference", "From", "Child", "Priority", "Due", "Status", "Assigned to"]} />
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.reference}>
                      <td>
                        <Link href={`/requests/${r.reference}`}>{r.reference}</Link>
                      </td>
                      <td>{r.requestingOrganisation}</td>
                      <td>{r.childName}</td>
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
                      <td>{r.assignedTo ?? "Nobody yet"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {result.next ? (
            <nav className="govuk-body" aria-label="Pages">
              <Link href={`/requests/inbox?${nextPage}`}>Next page</Link>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
