import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { EscalationRoute } from "./EscalationRoute";
import { listEscalations } from "@/server/escalations/list-escalations";
import { DataTable, PageHeading, SuccessBanner, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { type PageProps, doneNotice, oneOf, queryValue } from "@/app/page-props";

export const metadata: Metadata = { title: "Escalations" };

const VIEWS = { OPEN: "Open", RESOLVED: "Resolved", ALL: "All" } as const;

const DONE = { resolved: "The escalation has been resolved and the people involved have been told." };

export default async function EscalationsPage({ searchParams }: PageProps) {
  const user = await requirePermission("escalation.list");
  const params = await searchParams;
  const view = oneOf(queryValue(params, "status"), VIEWS, "OPEN");
  const escalations = await listEscalations(user, view);
  const recordBase = user.role === "SUPERVISOR" ? "/review" : "/decisions";
  return (
    <>
      <SuccessBanner message={doneNotice(params, DONE)} />
      <PageHeading caption={user.role === "IG_LEAD" ? user.organisationName : (user.teamName ?? user.organisationName)}>
        Escalations
      </PageHeading>
      <p className="govuk-body">
        Disagreements about decisions: a refusal to share that the requester disputes, or a challenge the practitioner
        stands by. Resolve them at pace, and escalate to the lead safeguarding partners if you cannot agree.
      </p>
      <EscalationRoute organisationId={user.organisationId} />
      <nav aria-label="Escalation status" className="mb-6">
        <ul className="flex gap-6">
          {Object.entries(VIEWS).map(([value, label]) => (
            <li key={value}>
              {value === view ? (
                <strong aria-current="page">{label}</strong>
              ) : (
                <Link href={`/escalations?status=${value}`}>{label}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        id="escalations"
        label="Escalations"
        caption={`${VIEWS[view]} escalations, newest first`}
        columns={["Decision", "Reason", "Raised", "Status"]}
        rows={escalations}
        empty={`There are no ${view === "ALL" ? "" : VIEWS[view].toLowerCase()} escalations.`}
      >
        {(e) => (
          <tr key={e.id}>
            <td>
              <Link href={`${recordBase}/${e.decisionReference}`}>{e.decisionReference}</Link>
            </td>
            <td className="whitespace-pre-wrap">{e.reason}</td>
            <td>
              {e.raisedBy}
              <span className="block text-govuk-secondary">{formatDateTime(e.raisedAt)}</span>
            </td>
            <td>
              <Tag colour={e.status === "OPEN" ? "orange" : "green"}>{e.status === "OPEN" ? "Open" : "Resolved"}</Tag>
              {e.resolution ? <span className="block">{e.resolution}</span> : null}
              {e.canResolve ? (
                <Link href={`/escalations/${e.id}`} className="mt-2 block">
                  Resolve<span className="sr-only"> escalation about {e.decisionReference}</span>
                </Link>
              ) : null}
            </td>
          </tr>
        )}
      </DataTable>
    </>
  );
}
