import type { ReactNode } from "react";
import type { SignedInUser } from "@/server/auth/current-actor";
import type { DecisionView } from "@/server/decisions/view-decision";
import type { DecisionReviews } from "@/server/reviews/list-decision-reviews";
import { DecisionRecordView } from "@/components/DecisionRecordView";
import { ReviewsSection } from "@/components/ReviewsSection";
import { startDraftAction } from "@/app/decisions/actions";
import { escalateAction, replyAction } from "@/app/review/actions";

/**
 * A decision's record with its reviews, as the record page (/decisions/…) and the review page
 * (/review/…) show it: links to other records stay on the same kind of page, and `children` go
 * before the reviews.
 */
export function DecisionRecordPage({
  user,
  decision,
  reviews,
  done,
  context,
  children,
  after,
}: {
  user: SignedInUser;
  decision: DecisionView;
  reviews: DecisionReviews;
  done: string | undefined;
  context: "record" | "review";
  children?: ReactNode;
  /** What comes after the reviews (the review form). */
  after?: ReactNode;
}) {
  const base = context === "record" ? "/decisions" : "/review";
  const reviewsProps = { user, decision, reviews, done, context };
  return (
    <DecisionRecordView
      decision={decision}
      viewerName={user.name}
      printedAt={new Date()}
      recordHref={(r) => `${base}/${r}`}
      followUpAction={startDraftAction}
    >
      {children}
      <ReviewsSection {...reviewsProps} replyAction={replyAction} escalateAction={escalateAction} />
      {after}
    </DecisionRecordView>
  );
}
