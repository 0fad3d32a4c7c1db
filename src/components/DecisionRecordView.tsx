import Link from "next/link";
import type { ReactNode } from "react";
import type { DecisionView } from "@/server/decisions/view-decision";
import { SummaryList, Tag } from "@/components/layout-bits";
import { caseHref, formatDateTime } from "@/components/format";
import { answerRows } from "@/components/AnswerRows";
import { PrintButton } from "@/components/PrintButton";
import { KIND_LABELS, OUTCOME_LABELS } from "@/components/decision-labels";
import { guidanceChangesSince, recordSections, summaryRows } from "@/components/record-sections";

/** The Government Security Classifications handling caveat for personal data about children at risk. */
export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

/**
 * The whole record: what was decided, by whom, when and on what basis first, then each answer once;
 * prints with its protective marking. `children` go after the record (reviews, actions). The page
 * passes the follow-up action in (components do not import from src/app).
 */
export function DecisionRecordView({
  decision,
  viewerName,
  printedAt,
  recordHref,
  followUpAction,
  children,
}: {
  decision: DecisionView;
  /** Who is looking, for the "Printed by" line of the print. */
  viewerName: string;
  printedAt: Date;
  recordHref: (reference: string) => string;
  followUpAction: (formData: FormData) => Promise<void>;
  children?: ReactNode;
}) {
  const { record } = decision;
  if (decision.disposed) {
    return (
      <article className="max-w-[860px]" data-testid="decision-record">
        <span className="govuk-caption-l">
          {KIND_LABELS[decision.kind]} record · {decision.organisationName}
        </span>
        <h1 className="govuk-heading-l">{decision.reference}</h1>
        <p className="govuk-body" data-testid="disposed">
          This record was disposed of at the end of its retention period. Only its reference, dates and outcome are
          kept.
        </p>
        <SummaryList
          rows={[
            { key: "Decision", value: OUTCOME_LABELS[record.outcome] },
            { key: "Recorded at", value: formatDateTime(decision.recordedAt) },
          ]}
        />
      </article>
    );
  }
  const changesSince = guidanceChangesSince(record.guidanceVersion);
  return (
    <article className="max-w-[860px]" data-testid="decision-record">
      <p className="print-only mb-4 text-center font-bold tracking-wide" data-testid="protective-marking">
        {PROTECTIVE_MARKING}
      </p>
      <span className="govuk-caption-l">
        {KIND_LABELS[decision.kind]} record · {decision.organisationName}
      </span>
      <h1 className="govuk-heading-l">
        <span className="whitespace-nowrap">{decision.reference}</span>{" "}
        <Tag colour={record.outcome === "NO_SHARE" ? "grey" : "green"}>{OUTCOME_LABELS[record.outcome]}</Tag>
      </h1>

      <div className="no-print mb-6 flex flex-wrap items-start gap-x-6 gap-y-2" data-testid="record-actions">
        <PrintButton />
        <a href={`/api/decisions/${decision.reference}/pdf`} className="govuk-button govuk-button-secondary" download>
          Download PDF
        </a>
        <a href={`/api/decisions/${decision.reference}`} className="govuk-button govuk-button-secondary" download>
          Download JSON
        </a>
        {caseHref(record.caseReference) ? (
          <Link href={caseHref(record.caseReference)!} className="govuk-body mt-2">
            All records for this case
          </Link>
        ) : null}
        {decision.canFollowUp ? (
          <a href="#follow-up-heading" className="govuk-body mt-2">
            Correct or reconsider
          </a>
        ) : null}
      </div>

      {decision.supersedes ? (
        <p className="govuk-body">
          This {KIND_LABELS[decision.kind].toLowerCase()} follows{" "}
          <Link href={recordHref(decision.supersedes.reference)}>{decision.supersedes.reference}</Link>.
        </p>
      ) : null}
      {decision.answersRequest ? (
        <p className="govuk-body" data-testid="answers-request">
          This answers request <Link href={`/requests/${decision.answersRequest}`}>{decision.answersRequest}</Link>.
        </p>
      ) : null}
      {decision.followUps.length > 0 ? (
        <div className="govuk-inset-text" data-testid="follow-ups">
          <p className="mb-2 font-bold">This decision has been followed up:</p>
          <ul className="govuk-list">
            {decision.followUps.map((f) => (
              <li key={f.reference}>
                <Link href={recordHref(f.reference)}>{f.reference}</Link> (
                {KIND_LABELS[f.kind as keyof typeof KIND_LABELS].toLowerCase()}, {formatDateTime(f.recordedAt)})
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="summary-heading" className="mb-8 border-l-[10px] border-govuk-blue pl-4">
        <h2 id="summary-heading" className="govuk-heading-m">
          Summary
        </h2>
        <SummaryList rows={summaryRows(decision)} />
      </section>

      {recordSections(decision).map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`} className="break-inside-avoid-page">
          <h2 id={`${section.id}-heading`} className="govuk-heading-m">
            {section.heading}
          </h2>
          <SummaryList rows={section.rows} />
        </section>
      ))}
      {changesSince.length > 0 ? (
        <details className="govuk-details no-print" data-testid="guidance-changes">
          <summary>What has changed in the guidance since this record was made</summary>
          <ul className="list-disc pl-5">
            {changesSince.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <details className="govuk-details no-print">
        <summary>Every answer given in the wizard</summary>
        <SummaryList rows={answerRows(record.answers)} />
      </details>

      <p className="print-only govuk-body-s" data-testid="printed-by">
        Printed by {viewerName} on {formatDateTime(printedAt)}. {PROTECTIVE_MARKING}: handle and store securely; do not
        copy or pass on without a lawful reason.
      </p>
      {children}
      {decision.canFollowUp ? (
        <section className="no-print" aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading" className="govuk-heading-m">
            Follow up this decision
          </h2>
          <p className="govuk-body">
            A record is never changed. If a detail is wrong, record a correction. If the person who asked brings new
            information, or circumstances change, reconsider the decision. Both are new records linked to this one.
          </p>
          <div className="flex flex-wrap gap-x-6">
            <form action={followUpAction}>
              <input type="hidden" name="kind" value="CORRECTION" />
              <input type="hidden" name="supersedesReference" value={decision.reference} />
              <button type="submit" className="govuk-button govuk-button-secondary">
                Record a correction
              </button>
            </form>
            {/* Reconsidering asks first what is new and which answer it changes (issue 11). */}
            <a href={`/decisions/${decision.reference}/reconsider`} className="govuk-button govuk-button-secondary">
              Reconsider this decision
            </a>
          </div>
        </section>
      ) : null}
    </article>
  );
}
