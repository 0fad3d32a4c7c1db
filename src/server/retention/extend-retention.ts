import "server-only";
import { ukDayLastMoment } from "@/domain/calendar";
import { type UseCaseResult, fail } from "@/domain/errors";
import { extendRetentionSchema } from "@/schemas/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { loadRetainedDecision } from "./load-retained-decision";
import type { RequestMeta } from "@/server/infra/request-context";

export type RetentionResult = UseCaseResult;

/**
 * Keeps a record beyond its retention date, for a recorded reason (e.g. a court case or inquiry).
 * The pipeline has checked the permission (retention.manage); the record must be the organisation's.
 */
export async function extendRetention(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<RetentionResult> {
  const loaded = await loadRetainedDecision(user, extendRetentionSchema, raw, meta);
  if (!loaded.ok) return loaded;
  const { decision, input } = loaded;
  // Kept to the end of the UK day named (decision 013), not of the UTC one.
  const retainUntil = ukDayLastMoment(input.retainUntil);
  const current = decision.retention?.retainUntil ?? decision.retainUntil;
  if (retainUntil <= current)
    return fail.invalid([
      { field: "retainUntil", message: "The new date must be later than the current retention date" },
    ]);

  await db().$transaction(async (tx) => {
    await tx.retentionReview.upsert({
      where: { decisionId: decision.id },
      create: { decisionId: decision.id, retainUntil, reason: input.reason, reviewedById: user.userId },
      update: { retainUntil, reason: input.reason, reviewedById: user.userId, reviewedAt: new Date() },
    });
    await appendAuditEvent(
      tx,
      decisionAuditEntry(user, meta, "retention.extend", decision, {
        from: current.toISOString(),
        to: retainUntil.toISOString(),
      }),
    );
  });
  return { ok: true };
}
