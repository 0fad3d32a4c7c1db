import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { listRecentAuditEvents } from "@/server/list-audit-events";
import { PageHeading, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requirePermission("audit.view");
  const events = await listRecentAuditEvents(user);
  return (
    <>
      <PageHeading caption={user.organisationName}>Audit log</PageHeading>
      <p className="govuk-body">Every sign-in, view, decision, review and export in your organisation, newest first.</p>
      {events.length === 0 ? (
        <p className="govuk-body">No events have been recorded yet.</p>
      ) : (
        <table className="govuk-table" data-testid="audit-table">
          <caption className="govuk-heading-s text-left">Latest {events.length} events</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.at)}</td>
                <td>{event.actorName ?? "Unknown user"}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  <Tag colour={event.outcome === "SUCCESS" ? "green" : event.outcome === "DENIED" ? "red" : "orange"}>{event.outcome.toLowerCase()}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
