import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { viewRequest } from "@/server/requests/view-request";
import { formatUkDate, ukDayStart } from "@/domain/calendar";
import { radiosField } from "@/domain/wizard/fields";
import { ActionForm } from "@/components/ActionForm";
import { ActionSection } from "@/components/ActionSection";
import { choiceWithFollowUps } from "@/components/field-definitions";
import { BackLink, SuccessBanner, SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import Link from "next/link";
import {
  acknowledgeRequestAction,
  answerRequestAction,
  assignRequestAction,
  startAnswerDraftAction,
  confirmRequestReceiptAction,
  disputeRefusalAction,
} from "../actions";
import { EscalationList } from "../escalations";
import { EVENT_LABELS } from "../labels";
import { REQUEST_NOTICES } from "../notices";
import { RequestTags, exchangeRows, purposeRows, text } from "../request-sections";
import { type PageProps, doneNotice, shownOrRefused } from "@/app/page-props";

export const metadata: Metadata = { title: "Request for information" };

/** Answering without a decision record: the information shared, or the reasons for not sharing it. */
const ANSWER_FIELDS = choiceWithFollowUps("answer", "Are you sharing the information?", [
  {
    value: "SHARE",
    label: "Yes, share it",
    followUp: { name: "information", kind: "textarea", label: "The information you are sharing", maxLength: 10000 },
  },
  {
    value: "NO_SHARE",
    label: "No, do not share it",
    followUp: { name: "reasons", kind: "textarea", label: "Why you are not sharing it", maxLength: 5000 },
  },
]);

export default async function RequestPage({ params, searchParams }: PageProps<{ reference: string }>) {
  const { reference } = await params;
  const user = await requireUser();
  const r = shownOrRefused(await viewRequest(user, reference, await requestMeta())).request;
  const dateOfBirth = r.childDateOfBirth ? formatUkDate(ukDayStart(r.childDateOfBirth)) : "Not given";
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={doneNotice(await searchParams, REQUEST_NOTICES)} />
      <BackLink href={r.side === "requesting" ? "/requests" : "/requests/inbox"} />
      <span className="govuk-caption-l">
        {r.side === "requesting" ? `Asked of ${r.respondingOrganisation}` : `From ${r.requestingOrganisation}`}
      </span>
      <h1 className="govuk-heading-l">Request {r.reference}</h1>
      <RequestTags priority={r.priority} status={r.status} overdue={r.overdue} />
      <SummaryList
        rows={[
          ...exchangeRows(r),
          { key: "Assigned to", value: r.assignedTo ?? "Nobody yet" },
          { key: "Requester’s case reference", value: r.caseReference },
          { key: "Child", value: r.childName },
          { key: "Date of birth", value: dateOfBirth },
          { key: "NHS number", value: r.nhsNumber ?? "Not given" },
          ...purposeRows(r),
        ]}
      />

      {r.answer ? (
        <section aria-labelledby="answer-heading" data-testid="request-answer">
          <h2 className="govuk-heading-m" id="answer-heading">
            {r.answer.kind === "SHARE" ? "Information shared" : "Not shared"}
          </h2>
          <SummaryList
            rows={[
              {
                key: r.answer.kind === "SHARE" ? "The information" : "Reasons for not sharing",
                value: text(r.answer.body),
              },
              { key: "Answered by", value: `${r.answer.answeredBy}, ${formatDateTime(r.answer.answeredAt)}` },
            ]}
          />
          {r.answer.decisionReference ? (
            <p className="govuk-body" data-testid="answer-decision">
              Recorded as decision{" "}
              <Link href={`/decisions/${r.answer.decisionReference}`}>{r.answer.decisionReference}</Link>.
            </p>
          ) : r.answer.recordedAsDecision ? (
            <p className="govuk-body" data-testid="answer-decision">
              {r.respondingOrganisation} recorded this answer as a decision in its own records.
            </p>
          ) : null}
        </section>
      ) : null}

      <EscalationList escalations={r.escalations} />

      {r.may.disputeRefusal ? (
        <ActionSection
          title="Disagree with the refusal"
          intro={
            "If you think the refusal leaves the child at risk, take it to the partnership’s lead safeguarding " +
            "partners. They see the request and both sides’ reasons, decide, and tell you and the partner."
          }
          action={disputeRefusalAction.bind(null, r.reference)}
          fields={[{ name: "reasons", kind: "textarea", label: "Why do you disagree?", maxLength: 5000 }]}
          submitLabel="Escalate to the lead partners"
          tone="secondary"
        />
      ) : null}

      {r.may.confirmReceipt ? (
        <ActionSection
          title="Confirm you received the answer"
          intro="This tells the partner that their answer reached you."
          action={confirmRequestReceiptAction.bind(null, r.reference)}
          submitLabel="Confirm receipt"
        />
      ) : null}

      {r.may.acknowledge ? (
        <ActionSection
          title="Acknowledge the request"
          intro="Tell the requester your team has the request and is working on it."
          action={acknowledgeRequestAction.bind(null, r.reference)}
          submitLabel="Acknowledge"
        />
      ) : null}

      {r.may.assign && r.team.length > 0 ? (
        <ActionSection
          title="Assign the request"
          action={assignRequestAction.bind(null, r.reference)}
          fields={[
            radiosField(
              "assigneeId",
              "Who will answer it?",
              r.team.map((person) => ({ value: person.id, label: person.name })),
            ),
          ]}
          submitLabel="Assign"
          tone="secondary"
        />
      ) : null}

      {r.may.answer ? (
        <>
          <h2 className="govuk-heading-m">Answer the request</h2>
          <p className="govuk-body">
            Answer through the wizard, already filled with what the request says: your answer is a full decision record
            of {r.respondingOrganisation}. Recording the decision sends the requester the information you share, or your
            reasons for not sharing, here in InfoShare; it is never sent by email.
          </p>
          {r.answerDraft && !r.answerDraft.mine ? (
            <p className="govuk-body" data-testid="answer-draft">
              {r.answerDraft.author} has started answering this request.
            </p>
          ) : (
            <ActionForm
              action={startAnswerDraftAction.bind(null, r.reference)}
              fields={[]}
              submitLabel={r.answerDraft ? "Continue your answer" : "Answer through the wizard"}
            />
          )}
          <details className="govuk-details mb-6">
            <summary className="govuk-details__summary cursor-pointer text-govuk-link underline">
              Answer without a decision record
            </summary>
            <div className="govuk-details__text mt-2 border-l-[5px] border-govuk-border pl-4">
              <p className="govuk-body">
                Only when there is no decision to make about sharing, for example when you hold no records about this
                child. Anything else is answered through the wizard.
              </p>
              <ActionForm
                action={answerRequestAction.bind(null, r.reference)}
                fields={ANSWER_FIELDS}
                submitLabel="Send the answer"
                tone="secondary"
              />
            </div>
          </details>
        </>
      ) : null}

      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list" data-testid="request-history">
        {r.events.map((event, i) => (
          <li key={i}>
            {EVENT_LABELS[event.kind] ?? event.kind}
            {event.actor ? ` by ${event.actor}${event.organisation ? ` (${event.organisation})` : ""}` : ""},{" "}
            {formatDateTime(event.at)}
          </li>
        ))}
      </ol>
    </div>
  );
}
