import "server-only";
import { can } from "@/domain/policy";
import { disposeDecisionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "../db";
import { fieldErrorsFrom } from "../field-errors";
import { normaliseDecisionReference } from "../decisions/reference";
import type { RequestMeta } from "../request-context";
import type { RetentionResult } from "./extend-retention";

/**
 * Disposes of a record whose retention period has ended. The database function does all of it in
 * one statement (migration database_hardening, decision 014): it checks the record is due (the
 * app role cannot dispose of one early), replaces the personal content with a tombstone, removes
 * escalation and review text, and appends the audit event itself, so no disposal goes unrecorded.
 * The checks here only give the IG lead a clear answer first.
 */
export async function disposeDecision(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<RetentionResult> {
  if (!can(user, "retention.manage")) return { ok: false, status: 403, errors: [{ field: "form", message: "You cannot manage retention" }] };
  const parsed = disposeDecisionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrorsFrom(parsed.error) };
  const reference = normaliseDecisionReference(parsed.data.reference);
  const decision = reference
    ? await db().decision.findFirst({ where: { reference, organisationId: user.organisationId }, include: { retention: true } })
    : null;
  if (!decision) return { ok: false, status: 404, errors: [{ field: "form", message: "Decision not found" }] };
  if (decision.retention?.disposedAt) return { ok: false, status: 409, errors: [{ field: "form", message: "This record has already been disposed of" }] };
  const retainUntil = decision.retention?.retainUntil ?? decision.retainUntil;
  if (retainUntil.getTime() > Date.now()) return { ok: false, status: 409, errors: [{ field: "form", message: "This record's retention period has not ended" }] };

  try {
    await db().$queryRaw`
      SELECT dispose_decision(${decision.id}::uuid, ${user.userId}::uuid, ${meta.requestId}, ${meta.ip})::text AS event_id`;
  } catch (error) {
    // Disposed of, or its date moved, between the checks above and the function's own (under lock).
    if (/already been disposed|not due for disposal/.test(String((error as Error).message))) {
      const message = "This record can no longer be disposed of";
      return { ok: false, status: 409, errors: [{ field: "form", message }] };
    }
    throw error;
  }
  return { ok: true };
}
