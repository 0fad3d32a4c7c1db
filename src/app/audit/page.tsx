import type { Metadata } from "next";
import { can } from "@/domain/policy";
import { requirePermission } from "@/server/auth/current-actor";
import { getAuditVerification } from "@/server/audit/get-audit-verification";
import { listRecentAuditEvents } from "@/server/list-audit-events";
import { PageHeading, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { verifyIntegrityAction } from "./actions";
import { VerificationResult } from "./VerificationResult";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit.view");
  const params = await searchParams;
  const verification = typeof params.verification === "string" ? await getAuditVerification(user, params.verification) : null;
  const events = await listRecentAuditEvents(user);
  return (
    <>
      <PageHeading caption={user.organisationName}>Audit log</PageHeading>
      {verification ? <VerificationResult result={verification} /> : null}
      <p className="govuk-body">Every sign-in, view, decision, review and export in your organisation, newest first.</p>
      {can(user, "audit.verify") ? (
        <>
          <h2 className="govuk-heading-m">Check nothing has been altered</h2>
          <p className="govuk-body">
            Each event carries a fingerprint of itself and of the event before it. Verifying recomputes every fingerprint in
            your organisation’s log and names the first event that no longer matches. It is recorded in the log.
          </p>
          <form action={verifyIntegrityAction}>
            <button type="submit" className="govuk-button govuk-button-secondary">
              Verify integrity
            </button>
          </form>
        </>
      ) : null}
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
