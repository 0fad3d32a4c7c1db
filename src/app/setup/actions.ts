"use server";
import { completeSetup } from "@/server/accounts/complete-setup";
import { formAction, goTo } from "@/server/pipeline/action";

export const completeSetupAction = formAction({ access: "public" }, ({ fields, meta }) => completeSetup(fields, meta), {
  done: () => goTo("/sign-in?reason=set-up"),
  // Never the passwords or the link's token.
  refill: ({ organisationName, kind, name, email }) => ({
    organisationName: String(organisationName ?? "").slice(0, 200),
    kind: String(kind ?? ""),
    name: String(name ?? "").slice(0, 120),
    email: String(email ?? "").slice(0, 254),
  }),
});
