import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadSecondFactorState } from "./second-factor-state";

const schema = z.object({ passkeyId: z.uuid() });

/** Removes one of the person's own passkeys, unless it is the last factor of someone who must have one. */
export async function removePasskey(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<UseCaseResult> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail.notFound("Passkey not found");
  return db().$transaction(async (tx) => {
    const passkey = await tx.passkey.findUnique({ where: { id: parsed.data.passkeyId } });
    if (!passkey || passkey.userId !== user.userId) return fail.notFound("Passkey not found");
    const state = await loadSecondFactorState(user, tx);
    if (state.required && !state.totp && state.passkeys.length === 1) {
      return fail.conflict("Set up an authenticator app or another passkey before removing your only passkey");
    }
    await tx.passkey.delete({ where: { id: passkey.id } });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "second-factor.remove",
        objectType: "user",
        objectId: user.userId,
        outcome: "SUCCESS",
        detail: { method: "passkey", name: passkey.name },
      }),
    );
    return { ok: true as const };
  });
}
