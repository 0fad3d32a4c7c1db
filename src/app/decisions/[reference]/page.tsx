import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-actor";
import { decisionWithReviews } from "@/app/decisions/decision-for-page";
import { DecisionRecordPage } from "@/app/decisions/DecisionRecordPage";
import { confirmShareAction } from "@/app/decisions/actions";
import { type PageProps, queryValue } from "@/app/page-props";
import { loadRecordStamps } from "@/server/decisions/load-record-stamps";
import { LinkedConsultations, LocalArrangementsStamp, RetentionRuleNote } from "@/components/RecordStamps";
import { ShareConfirmationSection } from "@/components/ShareConfirmationSection";

export const metadata: Metadata = { title: "Decision record" };

export default async function DecisionRecordRoute({ params, searchParams }: PageProps<{ reference: string }>) {
  const { reference } = await params;
  const done = queryValue(await searchParams, "done");
  const user = await requireUser();
  const { decision, reviews } = await decisionWithReviews(user, reference);
  const stamps = await loadRecordStamps(decision.id, decision.organisationId);
  return (
    <DecisionRecordPage user={user} decision={decision} reviews={reviews} done={done} context="record">
      {/* Decision 024: the guidance version, local arrangements, retention rule and linked consultations. */}
      {decision.disposed ? null : (
        <>
          <LocalArrangementsStamp stamp={stamps.localArrangements} />
          <LinkedConsultations consultations={stamps.consultations} />
          <RetentionRuleNote rule={stamps.retentionRule} />
        </>
      )}
      <ShareConfirmationSection decision={decision} confirmAction={confirmShareAction.bind(null, decision.reference)} />
    </DecisionRecordPage>
  );
}
