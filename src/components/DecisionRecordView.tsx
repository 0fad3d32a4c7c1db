import Link from "next/link";
import type { ReactNode } from "react";
import type { DecisionView } from "@/server/decisions/view-decision";
import { SummaryList, Tag } from "@/components/layout-bits";
import { formatDate, formatDateTime } from "@/components/format";
import { answerRows } from "@/components/AnswerRows";
import { PrintButton } from "@/components/PrintButton";
import { recordContextRows } from "@/components/record-context-rows";
import {
  CONSENT_LABELS,
  FLAG_LABELS,
  INDICATION_LABELS,
  KIND_LABELS,
  NOT_SOUGHT_LABELS,
  OUTCOME_LABELS,
  lawfulBasisLabel,
  optionLabel,
} from "@/components/decision-labels";

function person(p: { name?: string; role?: string; organisation?: string } | null): string {
  if (!p) return "Not recorded";
  return [p.name, p.role, p.organisation].filter(Boolean).join(", ") || "Not recorded";
}

function consentSummary(consent: { status: string; notSoughtReason?: string | null }): string {
  const status = CONSENT_LABELS[consent.status] ?? consent.status;
  if (!consent.notSoughtReason) return status;
  return `${status}: ${NOT_SOUGHT_LABELS[consent.notSoughtReason] ?? consent.notSoughtReason}`;
}

function sharingMethodLabel(sharing: { method: string; methodOther?: string | null }): string {
  return sharing.methodOther ?? optionLabel("sharing-method", "method", sharing.method);
}

/**
 * The whole record, print-friendly; `children` go after the record (reviews, actions). The page
 * passes the follow-up action in (components do not import from src/app).
 */
export function DecisionRecordView({
  decision,
  recordHref,
  followUpAction,
  children,
}: {
  decision: DecisionView;
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
  return (
    <article className="max-w-[860px]" data-testid="decision-record">
      <span className="govuk-caption-l">
        {KIND_LABELS[decision.kind]} record · {decision.organisationName}
      </span>
      <h1 className="govuk-heading-l">
        {decision.reference}{" "}
        <Tag colour={record.outcome === "NO_SHARE" ? "grey" : "green"}>{OUTCOME_LABELS[record.outcome]}</Tag>
      </h1>
      {decision.supersedes ? (
        <p className="govuk-body">
          This {KIND_LABELS[decision.kind].toLowerCase()} follows{" "}
          <Link href={recordHref(decision.supersedes.reference)}>{decision.supersedes.reference}</Link>.
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

      <h2 className="govuk-heading-m">The decision</h2>
      <SummaryList
        rows={[
          { key: "Decision", value: OUTCOME_LABELS[record.outcome] },
          { key: "Reasons", value: record.rationale },
          { key: "Purpose of sharing", value: record.purpose },
          { key: "Recipient", value: person(record.recipient) },
          { key: "Date of decision", value: formatDate(record.decisionDate) },
          { key: "Case reference", value: record.caseReference },
          {
            key: "Urgency",
            value: record.urgency === "EMERGENCY" ? "Emergency: a child was at immediate risk" : "Not an emergency",
          },
          {
            key: "Request or own initiative",
            value:
              record.origin === "REQUEST"
                ? `Request from ${person(record.requester)}`
                : "Practitioner’s own initiative",
          },
        ]}
      />

      {recordContextRows(record).length > 0 ? (
        <>
          <h2 className="govuk-heading-m">People, action and follow-up</h2>
          <SummaryList rows={recordContextRows(record)} />
        </>
      ) : null}

      <h2 className="govuk-heading-m">The flowchart</h2>
      <SummaryList
        rows={[
          { key: "Indication", value: INDICATION_LABELS[record.indication] ?? record.indication },
          { key: "Why", value: record.indicationExplanation },
          {
            key: "Departs from the indication",
            value: record.departure ? `Yes. ${record.departure.explanation}` : "No",
          },
          ...(record.departure ? [{ key: "Reason for departing", value: record.departure.reason }] : []),
        ]}
      />

      <h2 className="govuk-heading-m">Lawful basis and consent</h2>
      <SummaryList
        rows={[
          {
            key: "Lawful bases",
            value: record.lawfulBases ? (
              <ul className="list-disc pl-5">
                {record.lawfulBases.ids.map((id) => (
                  <li key={id}>{lawfulBasisLabel(id)}</li>
                ))}
              </ul>
            ) : (
              "None needed"
            ),
          },
          { key: "Special category data", value: record.lawfulBases?.specialCategory ? "Yes" : "No" },
          {
            key: "Consent",
            value: consentSummary(record.consent),
          },
          {
            key: "Advice sought",
            value:
              record.adviceSought.length === 0
                ? "None"
                : record.adviceSought
                    .map(
                      (a) =>
                        `${a.adviserRoleOther ?? optionLabel("purpose-advice", "adviceFrom", a.adviserRole)}: ` +
                        a.advice,
                    )
                    .join("\n"),
          },
        ]}
      />

      <h2 className="govuk-heading-m">What was shared and how</h2>
      <SummaryList
        rows={[
          { key: "Information", value: record.informationShared?.description ?? "Nothing shared" },
          ...(record.informationShared?.withheld
            ? [{ key: "Withheld", value: record.informationShared.withheld }]
            : []),
          {
            key: "Method and security",
            value: record.sharingMethod
              ? `${sharingMethodLabel(record.sharingMethod)}. ${record.sharingMethod.securityMeasures}`
              : "Not applicable",
          },
          {
            key: "Person told",
            value: record.personInformed
              ? record.personInformed.informed
                ? "Yes"
                : `No. ${record.personInformed.reasonNotInformed ?? ""}`
              : "Not applicable",
          },
          { key: "Safety and well-being", value: record.safety.considerations },
          {
            key: "Identities protected",
            value:
              record.safety.identitiesToProtect
                .map((id) => optionLabel("safety", "identitiesToProtect", id))
                .join(", ") || "None",
          },
        ]}
      />

      <h2 className="govuk-heading-m">Record keeping</h2>
      <SummaryList
        rows={[
          {
            key: "Recorded by",
            value:
              decision.author.name +
              (decision.author.jobTitle ? `, ${decision.author.jobTitle}` : "") +
              (decision.teamName ? ` (${decision.teamName})` : ""),
          },
          { key: "Recorded at", value: formatDateTime(decision.recordedAt) },
          {
            key: "Flags for review",
            value: record.reviewFlags.length ? record.reviewFlags.map((f) => FLAG_LABELS[f] ?? f).join(", ") : "None",
          },
          { key: "Review by", value: formatDate(record.reviewDueAt) },
          { key: "Keep until", value: formatDate(record.retainUntil) },
          { key: "Guidance version", value: record.guidanceVersion },
        ]}
      />

      <h2 className="govuk-heading-m">Every answer given</h2>
      <SummaryList rows={answerRows(record.answers)} />

      <div className="no-print flex flex-wrap items-start gap-x-6">
        <PrintButton />
        <a href={`/api/decisions/${decision.reference}`} className="govuk-button govuk-button-secondary" download>
          Download as JSON
        </a>
      </div>
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
