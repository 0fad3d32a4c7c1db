import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listOwnDecisions } from "@/server/decisions/list-own-decisions";
import { DataTable, PageHeading, SuccessBanner, Tag } from "@/components/layout-bits";
import { caseReferenceText, formatDateTime } from "@/components/format";
import { FLAG_LABELS, KIND_LABELS, OUTCOME_LABELS } from "@/components/decision-labels";
import { REVIEW_STATUS_LABELS } from "@/components/review-labels";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Your decisions" };

export default async function YourDecisionsPage({ searchParams }: PageProps) {
  const user = await requirePermission("decision.list-own");
  const { drafts, decisions, query } = await listOwnDecisions(user, await searchParams);
  const discarded = (await searchParams).discarded === "1";
  return (
    <>
      <SuccessBanner message={discarded ? "The draft has been discarded." : undefined} testId="draft-discarded" />
      <PageHeading caption={user.organisationName}>Your decisions</PageHeading>
      <Link href="/decisions/new" className="govuk-button govuk-button-start" role="button" draggable={false}>
        Record a decision
        <svg aria-hidden="true" focusable="false" width="17.5" height="19" viewBox="0 0 33 40">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      </Link>

      <form method="get" action="/decisions" role="search" className="mb-8 flex flex-wrap items-end gap-4">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="q" className="govuk-label-bold">
            Search by decision reference or case reference
          </label>
          <input id="q" name="q" type="search" defaultValue={query} maxLength={60} className="govuk-input" />
        </div>
        <button type="submit" className="govuk-button govuk-button-secondary mb-0!">
          Search
        </button>
        {query ? <Link href="/decisions">Clear search</Link> : null}
      </form>
      {query ? (
        <p className="govuk-body" data-testid="case-search-link">
          Only your own records are listed here.{" "}
          <Link href={`/cases/${encodeURIComponent(query)}`}>
            See every record your organisation holds for case {query}
          </Link>
          .
        </p>
      ) : null}

      <DataTable
        id="drafts"
        label="Drafts"
        heading
        caption="Drafts you have not recorded yet"
        columns={["Case reference", "Type", "How far it got", "Last saved"]}
        action
        rows={drafts}
        empty={query ? "No drafts match your search." : "You have no drafts."}
      >
        {(draft) => (
          <tr key={draft.id}>
            <td>{draft.caseReference ?? "Not given yet"}</td>
            <td>
              {KIND_LABELS[draft.kind as keyof typeof KIND_LABELS]}
              {draft.supersedesReference ? ` of ${draft.supersedesReference}` : ""}
            </td>
            <td data-testid="draft-progress">
              {draft.resumesAt ? (
                <>
                  Section {draft.resumesAt.sectionNumber} of {draft.resumesAt.sectionTotal}: {draft.resumesAt.section}
                  <span className="block text-govuk-secondary">Next: {draft.resumesAt.question}</span>
                </>
              ) : (
                "Every question answered: ready to check and record"
              )}
            </td>
            <td>{formatDateTime(draft.updatedAt)}</td>
            <td>
              <ul className="space-y-2">
                <li>
                  <Link href={`/decisions/drafts/${draft.id}`}>
                    Continue<span className="sr-only"> draft for {draft.caseReference ?? "a new case"}</span>
                  </Link>
                </li>
                <li>
                  <Link href={`/decisions/drafts/${draft.id}/discard`}>
                    Discard<span className="sr-only"> draft for {draft.caseReference ?? "a new case"}</span>
                  </Link>
                </li>
              </ul>
            </td>
          </tr>
        )}
      </DataTable>

      <DataTable
        id="decisions"
        label="Recorded decisions"
        heading
        caption="Decisions you have recorded, newest first"
        columns={["Reference", "Case reference", "Decision", "Status", "Recorded"]}
        rows={decisions}
        empty={query ? "No decisions match your search." : "You have not recorded any decisions yet."}
      >
        {(decision) => (
          <tr key={decision.reference}>
            <td>
              <Link href={`/decisions/${decision.reference}`}>{decision.reference}</Link>
              {decision.kind !== "ORIGINAL" ? (
                <span className="block text-govuk-secondary">
                  {KIND_LABELS[decision.kind as keyof typeof KIND_LABELS]}
                </span>
              ) : null}
            </td>
            <td>{caseReferenceText(decision.caseReference)}</td>
            <td>{OUTCOME_LABELS[decision.outcome]}</td>
            <td>
              <Tag colour={REVIEW_STATUS_LABELS[decision.reviewStatus].colour}>
                {REVIEW_STATUS_LABELS[decision.reviewStatus].text}
              </Tag>
              {decision.reviewFlags.length > 0 ? (
                <span className="mt-1 block text-[1rem] text-govuk-secondary">
                  Flagged:{" "}
                  {decision.reviewFlags
                    .map((f) => FLAG_LABELS[f] ?? f)
                    .join(", ")
                    .toLowerCase()}
                </span>
              ) : null}
            </td>
            <td>{formatDateTime(decision.recordedAt)}</td>
          </tr>
        )}
      </DataTable>
    </>
  );
}
