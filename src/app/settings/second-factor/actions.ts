"use server";
import { formAction, goTo } from "@/server/pipeline/action";
import { setSecondFactorRequirement } from "@/server/second-factor/set-second-factor-requirement";

export const setSecondFactorRequirementAction = formAction(
  { access: "settings.manage" },
  ({ user, fields, meta }) => setSecondFactorRequirement(user, fields, meta),
  { done: () => goTo("/settings/second-factor?done=saved") },
);
