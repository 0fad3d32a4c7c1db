"use server";
import { forbidden, notFound, redirect } from "next/navigation";
import type { ActionFormState } from "@/components/ActionForm";
import { requirePermission, requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { reviewDecision } from "@/server/reviews/review-decision";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { resolveEscalation } from "@/server/escalations/resolve-escalation";
import { markAllNotificationsRead } from "@/server/notifications/list-notifications";
import { formFields } from "@/app/form-data";

type Outcome = { ok: true } | { ok: false; status: number; errors: { field: string; message: string }[] };

function failed(result: Outcome & { ok: false }, formData: FormData): ActionFormState {
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  return { errors: result.errors, values: formFields(formData) };
}

export async function reviewDecisionAction(reference: string, _previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requirePermission("review.queue");
  const result = await reviewDecision(user, reference, formFields(formData), await requestMeta());
  if (!result.ok) return failed(result, formData);
  redirect(`/review?done=${result.kind.toLowerCase()}&reference=${encodeURIComponent(reference)}`);
}

export async function replyAction(reference: string, _previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requireUser();
  const result = await replyToReview(user, reference, formFields(formData), await requestMeta());
  if (!result.ok) return failed(result, formData);
  redirect(`/decisions/${encodeURIComponent(reference)}?done=replied#reviews`);
}

export async function escalateAction(reference: string, returnTo: "record" | "review", _previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requireUser();
  const result = await raiseEscalation(user, reference, formFields(formData), await requestMeta());
  if (!result.ok) return failed(result, formData);
  redirect(`${returnTo === "review" ? "/review" : "/decisions"}/${encodeURIComponent(reference)}?done=escalated#escalations`);
}

export async function resolveEscalationAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requirePermission("escalation.list");
  const result = await resolveEscalation(user, formFields(formData), await requestMeta());
  if (!result.ok) return failed(result, formData);
  redirect("/escalations?done=resolved");
}

export async function markNotificationsReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllNotificationsRead(user);
  redirect("/notifications");
}
