"use server";
import { reviewDecision } from "@/server/reviews/review-decision";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { resolveEscalation } from "@/server/escalations/resolve-escalation";
import { formAction, goTo } from "@/server/pipeline/action";

// Record-scoped actions: the pipeline checks the global permission, or only that someone is
// signed in where the policy's question is about the record (reply, escalate); the use case
// asks the policy about the record and audits its refusal.

export const reviewDecisionAction = formAction(
  { access: "review.queue" },
  ({ user, fields, meta }, reference: string) => reviewDecision(user, reference, fields, meta),
  {
    done: (result, _context, reference) =>
      goTo(`/review?done=${result.kind.toLowerCase()}&reference=${encodeURIComponent(reference)}`),
  },
);

export const replyAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string) => replyToReview(user, reference, fields, meta),
  {
    done: (_result, _context, reference) => goTo(`/decisions/${encodeURIComponent(reference)}?done=replied#reviews`),
  },
);

export const escalateAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string, _returnTo: "record" | "review") =>
    raiseEscalation(user, reference, fields, meta),
  {
    done: (_result, _context, reference, returnTo) => {
      const page = `/${returnTo === "review" ? "review" : "decisions"}/${encodeURIComponent(reference)}`;
      return goTo(`${page}?done=escalated#escalations`);
    },
  },
);

export const resolveEscalationAction = formAction(
  { access: "escalation.list" },
  ({ user, fields, meta }) => resolveEscalation(user, fields, meta),
  {
    done: () => goTo("/escalations?done=resolved"),
  },
);
