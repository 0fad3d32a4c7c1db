"use server";
import { forbidden, redirect } from "next/navigation";
import type { ActionFormState } from "@/components/ActionForm";
import { requirePermission } from "@/server/auth/current-actor";
import { updateOrganisationSettings } from "@/server/update-organisation-settings";
import { requestMeta } from "@/server/infra/request-context";
import { formFields } from "@/app/form-data";

export async function updateSettingsAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const user = await requirePermission("settings.manage");
  const result = await updateOrganisationSettings(user, formFields(formData), await requestMeta());
  if (!result.ok) {
    if (result.status === 403) forbidden();
    return { errors: result.errors, values: formFields(formData) };
  }
  redirect("/settings?done=saved");
}
