import type { Priority, RequestStatus } from "@/domain/requests";
import { type SummaryRow, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import type { RequestSummary } from "@/server/requests/request-summary";
import { PRIORITY_COLOURS, priorityLabel, statusLabel } from "./labels";

// What the request pages and lists show alike (the parties' page, the lead partners' page, the lists).

/** Text as typed, its line breaks kept. */
export const text = (value: string) => <span className="whitespace-pre-wrap">{value}</span>;

export function PriorityTag({ priority }: { priority: Priority }) {
  return <Tag colour={PRIORITY_COLOURS[priority]}>{priorityLabel(priority)}</Tag>;
}

/** "Overdue" after what it follows, when it is. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? (
    <>
      {" "}
      <Tag colour="red">Overdue</Tag>
    </>
  ) : null;
}

/** A due time in a list, marked when it has passed unanswered. */
export function DueTime({ dueAt, overdue }: { dueAt: Date; overdue: boolean }) {
  return (
    <>
      {formatDateTime(dueAt)}
      <OverdueTag overdue={overdue} />
    </>
  );
}

/** The request's priority and status under its heading. */
export function RequestTags({
  priority,
  status,
  overdue = false,
}: {
  priority: Priority;
  status: RequestStatus;
  overdue?: boolean;
}) {
  return (
    <p className="govuk-body">
      <PriorityTag priority={priority} /> <Tag>{statusLabel(status)}</Tag>
      <OverdueTag overdue={overdue} />
    </p>
  );
}

/** Who asked whom, and the clock. */
export function exchangeRows(r: RequestSummary): SummaryRow[] {
  return [
    { key: "Asked by", value: `${r.requester}, ${r.requestingOrganisation}` },
    { key: "Asked of", value: `${r.contactTeam}, ${r.respondingOrganisation}` },
    { key: "Received", value: formatDateTime(r.receivedAt) },
    { key: "Answer due", value: `${formatDateTime(r.dueAt)} (${r.responseHours} working hours)` },
  ];
}

/** Why it is asked for, and on what basis. */
export function purposeRows(r: RequestSummary): SummaryRow[] {
  return [
    { key: "Why it is needed", value: text(r.purpose) },
    { key: "Information needed", value: text(r.informationNeeded) },
    { key: "Lawful basis for asking", value: text(r.lawfulBasis) },
  ];
}
