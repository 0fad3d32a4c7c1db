import "server-only";
import { fail } from "@/domain/errors";
import { disposeDecisionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { loadRetainedDecision } from "./load-retained-decision";
import type { RequestMeta } from "@/server/infra/request-context";
import type { RetentionResult } from "./extend-retention";

/**
 * Disposes of a record whose retention period has ended. The database function does all of it in
 * one statement (migration database_hardening, decision 014): it checks the record is due (the
 * app role cannot dispose of one early), replaces the personal content with a tombstone, removes
 * escalation and review text, and appends the audit event itself, so no disposal goes unrecorded.
 * The checks here only give the IG lead a clear answer first.
 */
export async function disposeDecision(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<RetentionResult> {
  const loaded = await loadRetainedDecision(user, disposeDecisionSchema, raw, meta);
  if (!loaded.ok) return loaded;
  const { decision } = loaded;
  const retainUntil = decision.retention?.retainUntil ?? decision.retainUntil;
  if (retainUntil.getTime() > Date.now()) return fail.conflict("This record's retention period has not ended");

  try {
    await db().$queryRaw`
      SELECT dispose_decision(${decision.id}::uuid, ${user.userId}::uuid, ${meta.requestId}, ${meta.ip})::text
        AS event_id`;
  } catch (error) {
    // Disposed of, or its date moved, between the checks above and the function's own (under lock).
    if (/already been disposed|not due for disposal/.test(String((error as Error).message))) {
      return fail.conflict("This record can no longer be disposed of");
    }
    throw error;
  }
  return { ok: true };
}
