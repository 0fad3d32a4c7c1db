"use server";
import { updateOrganisationProfile } from "@/server/admin/update-organisation-profile";
import { formAction, goTo } from "@/server/pipeline/action";

export const updateOrganisationProfileAction = formAction(
  { access: "organisation.manage" },
  ({ user, fields, meta }) => updateOrganisationProfile(user, fields, meta),
  { done: (result) => goTo(`/admin/organisation?done=${result.changed ? "saved" : "unchanged"}`) },
);
