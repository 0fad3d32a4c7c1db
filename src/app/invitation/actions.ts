"use server";
import { acceptInvitation } from "@/server/accounts/accept-invitation";
import { formAction, goTo } from "@/server/pipeline/action";

export const acceptInvitationAction = formAction(
  { access: "public" },
  ({ fields, meta }) => acceptInvitation(fields, meta),
  {
    // Sign in next; wt-mfa's second-factor enrolment follows the first sign-in (decision 019).
    done: () => goTo("/sign-in?reason=account-created"),
    refill: () => null,
  },
);
