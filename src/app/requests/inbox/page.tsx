import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { listRequestInbox } from "@/server/requests/list-request-inbox";
import { BackLink, PageHeading } from "@/components/layout-bits";
import type { PageProps } from "@/app/page-props";
import { PROGRESS_COLUMNS, PagedList, RequestTable } from "../request-list";

export const metadata: Metadata = { title: "Requests your team has received" };

const INBOX = { path: "/requests/inbox", noun: "requests", waiting: "waiting for an answer" };

export default async function RequestInboxPage({ searchParams }: PageProps) {
  const user = await requirePermission("request.inbox");
  const query = await searchParams;
  const result = await listRequestInbox(user, query);
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
          <PagedList wording={INBOX} query={query} page={result}>
            <RequestTable
              label="Requests received"
              testId="request-inbox"
              rows={result.rows}
              columns={[
                { heading: "From", cell: (r) => r.requestingOrganisation },
                { heading: "Child", cell: (r) => r.childName },
                ...PROGRESS_COLUMNS,
                { heading: "Assigned to", cell: (r) => r.assignedTo ?? "Nobody yet" },
              ]}
            />
          </PagedList>
        </>
      )}
    </>
  );
}
