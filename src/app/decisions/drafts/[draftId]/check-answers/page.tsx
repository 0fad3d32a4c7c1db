import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { departureFor, evaluateAnswers, firstIncompleteStepId, previousStepId } from "@/domain/wizard";
import { ownDraftOr404 } from "../../own-draft";
import Link from "next/link";
import { BackLink, InsetText, SummaryCard, WarningText } from "@/components/layout-bits";
import { answerCards } from "@/components/AnswerRows";
import { IndicationSummary } from "../../IndicationSummary";
import { RecordDecisionForm } from "../../RecordDecisionForm";
import { recordDecisionAction } from "../../../actions";

export const metadata: Metadata = { title: "Check your answers before recording your decision" };

export default async function CheckAnswersPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draft } = await ownDraftOr404((await params).draftId);
  const firstIncomplete = firstIncompleteStepId(draft.answers);
  if (firstIncomplete !== "check-answers") redirect(`/decisions/drafts/${draft.id}/${firstIncomplete}`);

  const previous = previousStepId(draft.answers, "check-answers");
  const departure = departureFor(draft.answers);
  return (
    <div className="max-w-[760px]">
      <BackLink href={`/decisions/drafts/${draft.id}/${previous ?? "urgency"}`} />
      <span className="govuk-caption-l">
        {draft.supersedes ? `Follow-up to ${draft.supersedes.reference}` : "Record a decision"}
      </span>
      <h1 className="govuk-heading-l">Check your answers before recording your decision</h1>
      {draft.answersRequest ? (
        <InsetText>
          This answers request{" "}
          <Link href={`/requests/${draft.answersRequest.reference}`}>{draft.answersRequest.reference}</Link>. Recording
          it sends the requester, in InfoShare, the information you share or your reasons for not sharing.
        </InsetText>
      ) : null}
      <IndicationSummary evaluation={evaluateAnswers(draft.answers)} />
      {departure ? (
        <WarningText>
          Your decision departs from what the flowchart indicates. It will be flagged for your supervisor to review.
        </WarningText>
      ) : null}
      {answerCards(draft.answers, draft.id).map(({ section, rows }, index) => (
        <SummaryCard key={section} title={section} rows={rows} headingId={`answers-section-${index + 1}`} />
      ))}
      <h2 className="govuk-heading-m">Now record your decision</h2>
      <p className="govuk-body">
        By recording this decision you confirm that the details are correct to the best of your knowledge. A recorded
        decision cannot be changed: if something is wrong you can record a correction linked to it.
      </p>
      <RecordDecisionForm action={recordDecisionAction.bind(null, draft.id)} label="Record decision" />
    </div>
  );
}
