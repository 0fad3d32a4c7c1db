import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { SignedInUser } from "@/server/auth/current-actor";
import { type DecisionView, viewDecision } from "@/server/decisions/view-decision";
import { requestMeta } from "@/server/infra/request-context";

/** A decision record for a page to show (the view is audited): a 404 when there is none, a 403 when not allowed. */
export async function decisionForPage(user: SignedInUser, reference: string): Promise<DecisionView> {
  const result = await viewDecision(user, reference, await requestMeta(), { action: "decision.view", channel: "page" });
  if (!result.ok) {
    if (result.error === "not-found") notFound();
    forbidden();
  }
  return result.decision;
}
