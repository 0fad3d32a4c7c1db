"use server";
import { requestPasswordReset, resetPassword } from "@/server/accounts/password-reset";
import { formAction, goTo } from "@/server/pipeline/action";

export const requestPasswordResetAction = formAction(
  { access: "public" },
  ({ fields, meta }) => requestPasswordReset(fields, meta),
  {
    // The same page whatever the address: it never says whether an account exists.
    done: () => goTo("/password-reset?sent=1"),
    refill: ({ email }) => ({ email: String(email ?? "").slice(0, 254) }),
  },
);

export const resetPasswordAction = formAction({ access: "public" }, ({ fields, meta }) => resetPassword(fields, meta), {
  done: () => goTo("/sign-in?reason=password-changed"),
  refill: () => null,
});
