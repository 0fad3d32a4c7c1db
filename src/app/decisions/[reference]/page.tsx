import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-actor";
import { decisionForPage } from "@/app/decisions/decision-for-page";
import { listDecisionReviews } from "@/server/reviews/list-decision-reviews";
import { confirmShareAction, startDraftAction } from "@/app/decisions/actions";
import { escalateAction, replyAction } from "@/app/review/actions";
import { DecisionRecordView } from "@/components/DecisionRecordView";
import { ReviewsSection } from "@/components/ReviewsSection";
import { loadRecordStamps } from "@/server/decisions/load-record-stamps";
import { LinkedConsultations, LocalArrangementsStamp, RetentionRuleNote } from "@/components/RecordStamps";
import { ShareConfirmationSection } from "@/components/ShareConfirmationSection";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Decision record" };

export default async function DecisionRecordPage({ params, searchParams }: PageProps<{ reference: string }>) {
  const { reference } = await params;
  const done = (await searchParams).done;
  const user = await requireUser();
  const decision = await decisionForPage(user, reference);
  const reviews = await listDecisionReviews(decision.id, decision.followUps.length > 0);
  const stamps = await loadRecordStamps(decision.id, decision.organisationId);
  return (
    <DecisionRecordView
      decision={decision}
      viewerName={user.name}
      printedAt={new Date()}
      recordHref={(r) => `/decisions/${r}`}
      followUpAction={startDraftAction}
    >
      {/* Decision 024: the guidance version, local arrangements, retention rule and linked consultations. */}
      {decision.disposed ? null : (
        <>
          <LocalArrangementsStamp stamp={stamps.localArrangements} />
          <LinkedConsultations consultations={stamps.consultations} />
          <RetentionRuleNote rule={stamps.retentionRule} />
        </>
      )}
      <ShareConfirmationSection decision={decision} confirmAction={confirmShareAction.bind(null, decision.reference)} />
      <ReviewsSection
        user={user}
        decision={decision}
        reviews={reviews}
        done={typeof done === "string" ? done : undefined}
        context="record"
        replyAction={replyAction}
        escalateAction={escalateAction}
      />
    </DecisionRecordView>
  );
}
