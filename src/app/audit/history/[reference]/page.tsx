import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { auditHistoryOf } from "@/server/audit/search-audit-events";
import { BackLink, PageHeading } from "@/components/layout-bits";
import { AuditTable } from "../../AuditTable";

export const metadata: Metadata = { title: "Record history" };

export default async function RecordHistoryPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference: raw } = await params;
  const reference = decodeURIComponent(raw).slice(0, 60);
  const user = await requirePermission("audit.view");
  const events = await auditHistoryOf(user, reference);
  return (
    <>
      <BackLink href="/audit">Back to the audit log</BackLink>
      <PageHeading caption="Record history">{reference}</PageHeading>
      <p className="govuk-body">
        Everything that happened to this record, oldest first: from starting the draft to the latest view.{" "}
        <Link href={`/decisions/${encodeURIComponent(reference)}`}>View the record</Link>
      </p>
      <p className="govuk-body">
        <a
          href={`/api/exports/audit-events?objectReference=${encodeURIComponent(reference)}`}
          download
          data-testid="export-history"
        >
          Export this history as CSV
        </a>
      </p>
      {events.length === 0 ? (
        <p className="govuk-body">No events for this reference.</p>
      ) : (
        <AuditTable rows={events} caption={`${events.length} events`} linkObjects={false} />
      )}
    </>
  );
}
