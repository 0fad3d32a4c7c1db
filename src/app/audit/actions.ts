"use server";
import { forbidden, redirect } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { runAuditVerification } from "@/server/audit/run-audit-verification";
import { requestMeta } from "@/server/infra/request-context";

/**
 * "Verify integrity": a plain form post (works without JavaScript). The result is kept in the
 * audit event that records the verification, and the page shows it after the redirect, so
 * reloading the page shows the result again rather than verifying again.
 */
export async function verifyIntegrityAction(): Promise<void> {
  const user = await requirePermission("audit.verify");
  const result = await runAuditVerification(user, await requestMeta());
  if (!result.ok) forbidden();
  redirect(`/audit?verification=${result.verificationId}`);
}
