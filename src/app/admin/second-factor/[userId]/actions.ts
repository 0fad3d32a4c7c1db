"use server";
import { formAction, goTo } from "@/server/pipeline/action";
import { resetSecondFactor } from "@/server/second-factor/reset-second-factor";

export const resetSecondFactorAction = formAction(
  { access: "users.manage" },
  ({ user, fields, meta }) => resetSecondFactor(user, fields, meta),
  { done: ({ name }) => goTo(`/admin/users?reset=${encodeURIComponent(name)}`), refill: () => null },
);
