import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-actor";
import { type CaseEvent, viewCase } from "@/server/cases/view-case";
import { requestMeta } from "@/server/infra/request-context";
import { InsetText, PageHeading, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { INDICATION_LABELS, KIND_LABELS, OUTCOME_LABELS, lawfulBasisLabel } from "@/components/decision-labels";
import { REVIEW_KIND_LABELS, REVIEW_STATUS_LABELS } from "@/components/review-labels";

export const metadata: Metadata = { title: "Case history" };

function DecisionEntry({ event }: { event: Extract<CaseEvent, { kind: "decision" }> }) {
  const status = REVIEW_STATUS_LABELS[event.reviewStatus];
  return (
    <>
      <h3 className="govuk-heading-s mb-1">
        {KIND_LABELS[event.decisionKind]}: {OUTCOME_LABELS[event.outcome]}{" "}
        <Tag colour={status.colour}>{status.text}</Tag>
      </h3>
      <p className="govuk-body mb-1">
        {event.canOpen ? <Link href={`/decisions/${event.reference}`}>{event.reference}</Link> : event.reference}
        {" · "}
        {event.authorName}
        {event.teamName ? ` (${event.teamName})` : ""}
      </p>
      <p className="govuk-body-s mb-1">
        Flowchart indicated: {INDICATION_LABELS[event.indication] ?? event.indication}
        {event.departsFromIndication ? ". The decision departs from it." : "."}
      </p>
      {event.lawfulBasisIds.length > 0 ? (
        <p className="govuk-body-s mb-1">Lawful basis: {event.lawfulBasisIds.map(lawfulBasisLabel).join("; ")}</p>
      ) : null}
      {event.canOpen ? null : (
        <p className="govuk-body-s text-govuk-secondary">
          Ask {event.teamName ?? "the author"} or your supervisor to see the full record.
        </p>
      )}
    </>
  );
}

function ReviewEntry({ event }: { event: Extract<CaseEvent, { kind: "review" }> }) {
  return (
    <p className="govuk-body mb-1">
      {REVIEW_KIND_LABELS[event.reviewKind]} by {event.byName} ({event.reference})
    </p>
  );
}

/** Every record about one case in the organisation, as far as the reader may know it (decision 026). */
export default async function CasePage({ params }: { params: Promise<{ caseReference: string }> }) {
  const { caseReference } = await params;
  const user = await requireUser();
  const result = await viewCase(user, decodeURIComponent(caseReference), await requestMeta());
  if (!result.ok) notFound();
  const { view } = result;

  if (view.access === "existence") {
    return (
      <>
        <PageHeading caption={user.organisationName}>Case {view.caseReference}</PageHeading>
        <InsetText>
          <p className="govuk-body" data-testid="case-existence">
            Your organisation holds {view.recordCount} {view.recordCount === 1 ? "record" : "records"} about this case,
            made by {view.teamNames.join(" and ")}. You cannot read them. If you need to know what they say to keep a
            child safe, ask that team or your designated safeguarding lead.
          </p>
        </InsetText>
      </>
    );
  }

  return (
    <>
      <PageHeading caption={user.organisationName}>Case {view.caseReference}</PageHeading>
      <p className="govuk-body">
        Everything recorded about this case in your organisation, newest first. Teams: {view.teamNames.join(", ")}.
      </p>
      <ol className="mb-8 list-none p-0" data-testid="case-chronology" aria-label="Case history, newest first">
        {view.events.map((event, index) => (
          <li key={index} className="border-b border-govuk-border py-4">
            <p className="govuk-body-s mb-1 text-govuk-secondary">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </p>
            {event.kind === "decision" ? <DecisionEntry event={event} /> : <ReviewEntry event={event} />}
          </li>
        ))}
      </ol>
    </>
  );
}
