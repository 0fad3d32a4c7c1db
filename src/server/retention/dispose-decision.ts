import "server-only";
import { fail } from "@/domain/errors";
import { disposeDecisionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { normaliseDecisionReference } from "../decisions/reference";
import { DECISION_NOT_FOUND, decisionNotFound } from "../decisions/load-decision-for-action";
import type { RequestMeta } from "@/server/infra/request-context";
import type { RetentionResult } from "./extend-retention";

/**
 * Disposes of a record whose retention period has ended: the database function replaces its
 * personal content with a tombstone, escalation text is removed, and the disposal is audited.
 * The audit chain never held record content, so it still verifies. The pipeline has checked the
 * permission (retention.manage); the record must be the organisation's.
 */
export async function disposeDecision(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<RetentionResult> {
  const parsed = disposeDecisionSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const reference = normaliseDecisionReference(parsed.data.reference);
  const decision = reference
    ? await db().decision.findFirst({ where: { reference, organisationId: user.organisationId }, include: { retention: true } })
    : null;
  if (!decision) {
    return reference ? decisionNotFound(user, reference, "retention.manage", meta) : fail.notFound(DECISION_NOT_FOUND);
  }
  if (decision.retention?.disposedAt) return fail.conflict("This record has already been disposed of");
  const retainUntil = decision.retention?.retainUntil ?? decision.retainUntil;
  if (retainUntil.getTime() > Date.now()) return fail.conflict("This record's retention period has not ended");

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
