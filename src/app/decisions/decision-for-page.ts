import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { SignedInUser } from "@/server/auth/current-actor";
import { type DecisionView, viewDecision } from "@/server/decisions/view-decision";
import { requestMeta } from "@/server/infra/request-context";
import { listDecisionReviews } from "@/server/reviews/list-decision-reviews";

/** A decision record for a page to show (the view is audited): a 404 when there is none, a 403 when not allowed. */
export async function decisionForPage(user: SignedInUser, reference: string): Promise<DecisionView> {
  const result = await viewDecision(user, reference, await requestMeta(), { action: "decision.view", channel: "page" });
  if (!result.ok) {
    if (result.error === "not-found") notFound();
    forbidden();
  }
  return result.decision;
}

/** A decision record and its reviews, replies and escalations, for the record and review pages. */
export async function decisionWithReviews(user: SignedInUser, reference: string) {
  const decision = await decisionForPage(user, reference);
  return { decision, reviews: await listDecisionReviews(decision.id, decision.followUps.length > 0) };
}
