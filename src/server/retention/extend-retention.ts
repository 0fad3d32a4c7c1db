import "server-only";
import { ukDayLastMoment } from "@/domain/calendar";
import { can } from "@/domain/policy";
import { extendRetentionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { type FieldErrors, fieldErrorsFrom } from "../field-errors";
import { normaliseDecisionReference } from "../decisions/reference";
import type { RequestMeta } from "@/server/infra/request-context";

export type RetentionResult = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

/** Keeps a record beyond its retention date, for a recorded reason (e.g. a court case or inquiry). */
export async function extendRetention(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<RetentionResult> {
  if (!can(user, "retention.manage")) return { ok: false, status: 403, errors: [{ field: "form", message: "You cannot manage retention" }] };
  const parsed = extendRetentionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrorsFrom(parsed.error) };
  const reference = normaliseDecisionReference(parsed.data.reference);
  const decision = reference
    ? await db().decision.findFirst({ where: { reference, organisationId: user.organisationId }, include: { retention: true } })
    : null;
  if (!decision) return { ok: false, status: 404, errors: [{ field: "form", message: "Decision not found" }] };
  if (decision.retention?.disposedAt) return { ok: false, status: 409, errors: [{ field: "form", message: "This record has already been disposed of" }] };
  // Kept to the end of the UK day named (decision 013), not of the UTC one.
  const retainUntil = ukDayLastMoment(parsed.data.retainUntil);
  const current = decision.retention?.retainUntil ?? decision.retainUntil;
  if (retainUntil <= current) return { ok: false, status: 400, errors: [{ field: "retainUntil", message: "The new date must be later than the current retention date" }] };

  await db().$transaction(async (tx) => {
    await tx.retentionReview.upsert({
      where: { decisionId: decision.id },
      create: { decisionId: decision.id, retainUntil, reason: parsed.data.reason, reviewedById: user.userId },
      update: { retainUntil, reason: parsed.data.reason, reviewedById: user.userId, reviewedAt: new Date() },
    });
    await appendAuditEvent(tx, auditEntry(user, meta, { action: "retention.extend", objectType: "decision", objectId: decision.reference, caseReference: decision.caseReference, outcome: "SUCCESS", detail: { from: current.toISOString(), to: retainUntil.toISOString() } }));
  });
  return { ok: true };
}
