import "server-only";
import { ukDate, ukDayStart } from "@/domain/calendar";
import { consultationSchema } from "@/domain/consultation";
import { type UseCaseResult, fail } from "@/domain/errors";
import { applyRetention } from "@/domain/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { refusalUnless } from "../auth/refusal";
import { fieldErrorsFrom } from "../field-errors";
import { retentionRules } from "../retention/retention-rules";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export type RecordConsultationResult = UseCaseResult<{ id: string }>;

/**
 * Records advice sought without naming the child (decision 024). The domain refuses obvious
 * identifiers in what is kept; the record has no case reference, and the audit event holds none
 * of its text. Retention follows the organisation's rule for consultations.
 */
export async function recordConsultation(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<RecordConsultationResult> {
  const refused = await refusalUnless(user, meta, "consultation.record", "You cannot record consultations");
  if (refused) return refused;
  const parsed = consultationSchema(ukDate(now)).safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;

  const id = await db().$transaction(async (tx) => {
    const rules = await retentionRules(user.organisationId, tx);
    const { retainUntil, applied } = applyRetention(rules.CONSULTATION, now);
    const created = await tx.consultation.create({
      data: {
        organisationId: user.organisationId,
        teamId: user.teamId,
        authorId: user.userId,
        adviserKind: input.adviserKind,
        adviser: input.adviser,
        question: input.question,
        advice: input.advice,
        consultedAt: ukDayStart(input.consultedOn),
        createdAt: now,
        retainUntil,
        retentionRule: { ...applied },
      },
      select: { id: true },
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "consultation.record",
        objectType: "consultation",
        objectId: created.id,
        outcome: "SUCCESS",
        detail: { adviserKind: input.adviserKind },
      }),
    );
    return created.id;
  });
  return { ok: true, id };
}
