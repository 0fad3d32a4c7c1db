"use server";
import { runAuditVerification } from "@/server/audit/run-audit-verification";
import { goTo, postAction } from "@/server/pipeline/action";

/**
 * "Verify integrity": a plain form post (works without JavaScript). The result is kept in the
 * audit event that records the verification, and the page shows it after the redirect, so
 * reloading the page shows the result again rather than verifying again.
 */
export const verifyIntegrityAction = postAction(
  { access: "audit.verify" },
  ({ user, meta }) => runAuditVerification(user, meta),
  {
    done: (result) => goTo(`/audit?verification=${result.verificationId}`),
  },
);
