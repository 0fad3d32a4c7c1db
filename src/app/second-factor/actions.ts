"use server";
import { INITIAL_FORM_STATE } from "@/domain/errors";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { currentSessionId } from "@/server/auth/current-actor";
import { reissueSessionCookieWithSecondFactor } from "@/server/auth/session-cookie";
import { goTo, formAction, postAction } from "@/server/pipeline/action";
import { confirmTotpEnrolment } from "@/server/second-factor/confirm-totp-enrolment";
import { regenerateRecoveryCodes } from "@/server/second-factor/regenerate-recovery-codes";
import { removePasskey } from "@/server/second-factor/remove-passkey";
import { useRecoveryCode } from "@/server/second-factor/use-recovery-code";
import { verifyTotpCode } from "@/server/second-factor/verify-totp-code";

function nextPath(fields: Record<string, string | string[]>, role: Parameters<typeof homePathFor>[0]): string {
  const callback = typeof fields.callbackUrl === "string" ? fields.callbackUrl : null;
  return safeCallbackPath(callback) ?? homePathFor(role);
}

// The code is never given back to the form.
const NOTHING_TO_REFILL = () => null;

export const verifyTotpAction = formAction(
  { access: "password-verified" },
  async ({ user, fields, meta }) => verifyTotpCode(user, await currentSessionId(), fields, meta),
  {
    done: async (_result, { user, fields }) => {
      await reissueSessionCookieWithSecondFactor();
      return goTo(nextPath(fields, user.role));
    },
    refill: NOTHING_TO_REFILL,
  },
);

export const recoveryCodeAction = formAction(
  { access: "password-verified" },
  async ({ user, fields, meta }) => useRecoveryCode(user, await currentSessionId(), fields, meta),
  {
    done: async ({ remaining }) => {
      await reissueSessionCookieWithSecondFactor();
      // Straight to where the person can make new codes, told how many are left.
      return goTo(`/second-factor/manage?recoveryCodesLeft=${remaining}`);
    },
    refill: NOTHING_TO_REFILL,
  },
);

export const confirmTotpAction = formAction(
  { access: "password-verified" },
  async ({ user, fields, meta }) => confirmTotpEnrolment(user, await currentSessionId(), fields, meta),
  {
    // Shown once, on the page the form is on; never stored in the clear. The cookie is re-issued by
    // the codes' "Continue" (/api/second-factor/continue): setting it here would re-render the page.
    done: async ({ recoveryCodes }, { user, fields }) => {
      return { ...INITIAL_FORM_STATE, values: { recoveryCodes, next: nextPath(fields, user.role) } };
    },
    refill: NOTHING_TO_REFILL,
  },
);

export const regenerateRecoveryCodesAction = formAction(
  { access: "signed-in" },
  ({ user, meta }) => regenerateRecoveryCodes(user, meta),
  {
    done: ({ recoveryCodes }) => {
      return { ...INITIAL_FORM_STATE, values: { recoveryCodes, next: "/second-factor/manage" } };
    },
    refill: NOTHING_TO_REFILL,
  },
);

export const removePasskeyAction = postAction(
  { access: "signed-in" },
  ({ user, fields, meta }) => removePasskey(user, fields, meta),
  { done: () => goTo("/second-factor/manage?done=passkey-removed") },
);
