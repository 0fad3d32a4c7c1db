import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-actor";
import { listEscalatedRequests } from "@/server/requests/list-escalated-requests";
import { ESCALATION_REASON_LABELS, escalationOutcomeLabel } from "@/domain/requests";
import { PageHeading } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import type { PageProps } from "@/app/page-props";
import { PRIORITY_COLUMN, PagedList, RequestTable } from "../request-list";

export const metadata: Metadata = { title: "Requests escalated to the lead partners" };

const ESCALATIONS = { path: "/requests/escalated", noun: "escalations", waiting: "waiting for a decision" };

export default async function EscalatedRequestsPage({ searchParams }: PageProps) {
  const user = await requireUser();
  const query = await searchParams;
  const result = await listEscalatedRequests(user, query);
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
          <PagedList wording={ESCALATIONS} query={query} page={result}>
            <RequestTable
              label="Escalated requests"
              testId="escalated-requests"
              rows={result.rows}
              hrefOf={(r) => `/requests/escalated/${r.reference}`}
              keyOf={(r) => `${r.reference}-${r.reason}`}
              columns={[
                { heading: "Asked by", cell: (r) => r.requestingOrganisation },
                { heading: "Asked of", cell: (r) => r.respondingOrganisation },
                PRIORITY_COLUMN,
                { heading: "Why", cell: (r) => ESCALATION_REASON_LABELS[r.reason] },
                { heading: "Escalated", cell: (r) => formatDateTime(r.raisedAt) },
                {
                  heading: "Decision",
                  cell: (r) => (r.outcome ? escalationOutcomeLabel(r.outcome, r.reason) : "Waiting"),
                },
              ]}
            />
          </PagedList>
        </>
      )}
    </>
  );
}
