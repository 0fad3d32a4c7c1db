import Link from "next/link";
import type { AuditRow } from "@/server/audit/search-audit-events";
import { Tag, TableHead, TableRegion } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import {
  AUDIT_OUTCOME_LABELS,
  auditActionLabel,
  auditDetailLines,
  auditRoleLabel,
  plainIpAddress,
} from "@/components/audit-labels";

/** What an event was about, in words: a decision by its reference (linked to its history), a draft, a user by name. */
function EventRecord({ event, linkObjects }: { event: AuditRow; linkObjects: boolean }) {
  const { objectType, objectId } = event;
  let record: React.ReactNode = null;
  if (objectType === "decision" && objectId) {
    record = linkObjects ? <Link href={`/audit/history/${objectId}`}>{objectId}</Link> : objectId;
  } else if (objectType === "draft") {
    record = "A draft decision";
  } else if (objectType === "user") {
    record = event.objectName ? `User: ${event.objectName}` : "A user";
  } else if (objectType === "organisation") {
    record = "Your organisation’s settings";
  } else if (objectType === "audit-chain" || objectType === "audit_event") {
    record = "The audit log";
  } else if (objectType === "case") {
    record = null;
  } else if (objectId) {
    record = objectId;
  }
  return (
    <>
      {record}
      {event.caseReference ? (
        <span className="block text-[0.875rem] text-govuk-secondary">Case {event.caseReference}</span>
      ) : null}
    </>
  );
}

/** Audit events in words: what happened, to which record, by whom, when in UK time, and the details as text. */
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
    <TableRegion label={caption}>
      <table className="govuk-table" data-testid="audit-table">
        <caption className="govuk-heading-s text-left">{caption}</caption>
        <TableHead columns={["When (UK time)", "What happened", "Record", "Who", "Details"]} />
        <tbody>
          {rows.map((event) => {
            const details = auditDetailLines(event.detail);
            const ip = plainIpAddress(event.ip);
            return (
              <tr key={event.id} data-testid="audit-row">
                <td className="min-w-[8rem]">
                  {formatDateTime(event.at)}
                  <span className="block text-[0.875rem] text-govuk-secondary">Event {event.id}</span>
                </td>
                <td className="min-w-[9rem]" data-testid="audit-action">
                  {auditActionLabel(event.action)}
                  {event.outcome === "SUCCESS" ? null : (
                    <span className="mt-1 block">
                      <Tag colour={event.outcome === "DENIED" ? "red" : "orange"}>
                        {AUDIT_OUTCOME_LABELS[event.outcome] ?? event.outcome}
                      </Tag>
                    </span>
                  )}
                </td>
                <td>
                  <EventRecord event={event} linkObjects={linkObjects} />
                </td>
                <td>
                  {event.actorName ?? (event.actorId ? "Unknown user" : "Not signed in")}
                  {event.actorRole ? (
                    <span className="block text-[0.875rem] text-govuk-secondary">
                      {auditRoleLabel(event.actorRole)}
                    </span>
                  ) : null}
                </td>
                <td className="min-w-[12rem] max-w-[20rem] break-words text-[0.875rem]">
                  {details.length > 0 || ip ? (
                    <dl>
                      {details.map((line) => (
                        <div key={line.label}>
                          <dt className="inline font-bold">{line.label}:</dt> <dd className="inline">{line.value}</dd>
                        </div>
                      ))}
                      {ip ? (
                        <div>
                          <dt className="inline font-bold">IP address:</dt> <dd className="inline">{ip}</dd>
                        </div>
                      ) : null}
                    </dl>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
