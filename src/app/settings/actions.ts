"use server";
import { updateOrganisationSettings } from "@/server/update-organisation-settings";
import { formAction, goTo } from "@/server/pipeline/action";

export const updateSettingsAction = formAction(
  { access: "settings.manage" },
  ({ user, fields, meta }) => updateOrganisationSettings(user, fields, meta),
  {
    done: () => goTo("/settings?done=saved"),
  },
);
