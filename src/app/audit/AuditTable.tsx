import Link from "next/link";
import type { AuditRow } from "@/server/audit/search-audit-events";
import { Tag, TableHead } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";

/** Audit events as a table. Detail is shown as JSON: it holds only values the app itself wrote. */
export function AuditTable({
  rows,
  caption,
  linkObjects = true,
}: {
  rows: AuditRow[];
  caption: string;
  linkObjects?: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="govuk-table" data-testid="audit-table">
        <caption className="govuk-heading-s text-left">{caption}</caption>
        <TableHead columns={["When (UK time)", "Who", "Action", "Record", "Outcome", "Details"]} />
        <tbody>
          {rows.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td>
                {formatDateTime(event.at)}
                <span className="block text-[0.875rem] text-govuk-secondary">#{event.id}</span>
              </td>
              <td>
                {event.actorName ?? (event.actorId ? "Unknown user" : "Not signed in")}
                {event.actorRole ? (
                  <span className="block text-[0.875rem] text-govuk-secondary">
                    {event.actorRole.replace("_", " ").toLowerCase()}
                  </span>
                ) : null}
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.objectType === "decision" && event.objectId && linkObjects ? (
                  <Link href={`/audit/history/${event.objectId}`}>{event.objectId}</Link>
                ) : (
                  (event.objectId ?? "")
                )}
                {event.caseReference ? (
                  <span className="block text-[0.875rem] text-govuk-secondary">Case {event.caseReference}</span>
                ) : null}
              </td>
              <td>
                <Tag colour={event.outcome === "SUCCESS" ? "green" : event.outcome === "DENIED" ? "red" : "orange"}>
                  {event.outcome.toLowerCase()}
                </Tag>
              </td>
              <td className="max-w-[16rem] break-words text-[0.875rem]">
                {event.detail && Object.keys(event.detail as object).length > 0 ? (
                  <code>{JSON.stringify(event.detail)}</code>
                ) : null}
                {event.ip ? <span className="block text-govuk-secondary">IP {event.ip}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
