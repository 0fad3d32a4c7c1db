import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/current-actor";
import { listEscalatedRequests } from "@/server/requests/list-escalated-requests";
import { ESCALATION_REASON_LABELS, escalationOutcomeLabel } from "@/domain/requests";
import { PageHeading, TableHead, TableRegion, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { PRIORITY_COLOURS, priorityLabel } from "../labels";

export const metadata: Metadata = { title: "Requests escalated to the lead partners" };

export default async function EscalatedRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const result = await listEscalatedRequests(user, params);
  const show = params.show === "all" ? "all" : "open";
  const nextPage =
    result.ok && result.next
      ? new URLSearchParams({ ...(show === "all" ? { show } : {}), after: result.next }).toString()
      : "";
  return (
    <>
      <PageHeading caption={result.ok ? result.partnerships.join(", ") : undefined}>
        Requests escalated to the lead partners
      </PageHeading>
      {!result.ok || result.partnerships.length === 0 ? (
        <p className="govuk-body">
          You are not a lead safeguarding partner of a partnership, so no escalated requests come to you.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Requests between partners that were not answered in time, or whose refusal the requester disputes. You see
            the request and the reasons, not the child’s details. Requests you or your team are party to are not listed:
            another lead partner decides them.
          </p>
          <p className="govuk-body">
            {show === "open" ? (
              <>
                Showing escalations waiting for a decision.{" "}
                <Link href="/requests/escalated?show=all">Show all escalations</Link>
              </>
            ) : (
              <>
                Showing all escalations. <Link href="/requests/escalated">Show only those waiting for a decision</Link>
              </>
            )}
          </p>
          {result.rows.length === 0 ? (
            <p className="govuk-body">There are no escalations here.</p>
          ) : (
            <TableRegion label="Escalated requests">
              <table className="govuk-table" data-testid="escalated-requests">
                <TableHead
                  columns={["Reference", "Asked by", "Asked of", "Priority", "Why", "Escalated", "Decision"]}
                />
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={`${r.reference}-${r.reason}`}>
                      <td>
                        <Link href={`/requests/escalated/${r.reference}`}>{r.reference}</Link>
                      </td>
                      <td>{r.requestingOrganisation}</td>
                      <td>{r.respondingOrganisation}</td>
                      <td>
                        <Tag colour={PRIORITY_COLOURS[r.priority]}>{priorityLabel(r.priority)}</Tag>
                      </td>
                      <td>{ESCALATION_REASON_LABELS[r.reason]}</td>
                      <td>{formatDateTime(r.raisedAt)}</td>
                      <td>{r.outcome ? escalationOutcomeLabel(r.outcome, r.reason) : "Waiting"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {result.next ? (
            <nav className="govuk-body" aria-label="Pages">
              <Link href={`/requests/escalated?${nextPage}`}>Next page</Link>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
