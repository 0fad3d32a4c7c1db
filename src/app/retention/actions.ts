"use server";
import { forbidden, notFound, redirect } from "next/navigation";
import type { ActionFormState } from "@/components/ActionForm";
import { requirePermission } from "@/server/auth/current-actor";
import { extendRetention } from "@/server/retention/extend-retention";
import { disposeDecision } from "@/server/retention/dispose-decision";
import { requestMeta } from "@/server/infra/request-context";
import { formFields } from "@/app/form-data";

type Result = Awaited<ReturnType<typeof extendRetention>>;

function outcome(result: Result, formData: FormData, done: string): ActionFormState {
  if (result.ok) redirect(`/retention?done=${done}`);
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  return { errors: result.errors, values: formFields(formData) };
}

export async function extendRetentionAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requirePermission("retention.manage");
  return outcome(await extendRetention(user, formFields(formData), await requestMeta()), formData, "extended");
}

export async function disposeDecisionAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requirePermission("retention.manage");
  return outcome(await disposeDecision(user, formFields(formData), await requestMeta()), formData, "disposed");
}
