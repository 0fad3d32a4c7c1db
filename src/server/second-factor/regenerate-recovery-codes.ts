import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { hasSecondFactor, loadSecondFactorState } from "./second-factor-state";
import { replaceRecoveryCodes } from "./replace-recovery-codes";

/** Ten new recovery codes for a person with a second factor; the old ones stop working. Audited. */
export async function regenerateRecoveryCodes(
  user: SignedInUser,
  meta: RequestMeta,
): Promise<UseCaseResult<{ recoveryCodes: string[] }>> {
  return db().$transaction(async (tx) => {
    if (!hasSecondFactor(await loadSecondFactorState(user, tx))) {
      return fail.conflict("Set up an authenticator app or a passkey first");
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, user.userId);
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "second-factor.recovery-codes",
        objectType: "user",
        objectId: user.userId,
        outcome: "SUCCESS",
        detail: { recoveryCodes: recoveryCodes.length },
      }),
    );
    return { ok: true as const, recoveryCodes };
  });
}
