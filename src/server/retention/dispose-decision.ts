import "server-only";
import { can } from "@/domain/policy";
import { disposeDecisionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { normaliseDecisionReference } from "../decisions/reference";
import type { RequestMeta } from "@/server/infra/request-context";
import type { RetentionResult } from "./extend-retention";

/**
 * Disposes of a record whose retention period has ended: the database function replaces its
 * personal content with a tombstone, escalation text is removed, and the disposal is audited.
 * The audit chain never held record content, so it still verifies.
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

  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT dispose_decision(${decision.id}::uuid, ${user.organisationId}::uuid)`;
    await tx.escalation.updateMany({ where: { decisionId: decision.id }, data: { reason: "[disposed]", resolution: null } });
    await tx.reviewQueueItem.deleteMany({ where: { decisionId: decision.id } });
    await tx.decisionDraft.updateMany({ where: { supersedesId: decision.id }, data: { supersedesId: null } });
    const now = new Date();
    await tx.retentionReview.upsert({
      where: { decisionId: decision.id },
      create: { decisionId: decision.id, retainUntil, reason: "Disposed at the end of its retention period", reviewedById: user.userId, disposedAt: now },
      update: { disposedAt: now, reviewedById: user.userId, reviewedAt: now },
    });
    await appendAuditEvent(tx, auditEntry(user, meta, { action: "retention.dispose", objectType: "decision", objectId: decision.reference, outcome: "SUCCESS", detail: { retainUntil: retainUntil.toISOString() } }));
  });
  return { ok: true };
}
