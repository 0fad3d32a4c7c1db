import "server-only";
import { z } from "zod";
import { can } from "@/domain/policy";
import { type WizardAnswers, parseAnswers, pruneAnswers } from "@/domain/wizard";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export const startDraftSchema = z
  .object({
    kind: z.enum(["ORIGINAL", "CORRECTION", "RECONSIDERATION"], { error: "Choose what you are recording" }),
    supersedesReference: z.string().max(40).optional(),
  })
  .strict()
  .refine((input) => input.kind === "ORIGINAL" || input.supersedesReference, {
    error: "A correction or reconsideration must name the decision it follows",
    path: ["supersedesReference"],
  });

export type StartDraftResult = { ok: true; draftId: string } | { ok: false; status: 400 | 403 | 404; message: string };

// Steps whose answers a follow-up must give afresh: the decision itself and why it departs.
const ANSWERS_NOT_CARRIED_OVER = ["decision", "departure-reason"] as const;

/**
 * Starts a wizard. A correction or reconsideration starts from the original's answers (so the
 * practitioner changes only what is new) but must give its decision and rationale again.
 */
export async function startDraft(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<StartDraftResult> {
  if (!can(user, "decision.record")) return { ok: false, status: 403, message: "You cannot record decisions" };
  const parsed = startDraftSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? "Invalid request" };

  let answers: WizardAnswers = {};
  let supersedesId: string | null = null;
  if (parsed.data.kind !== "ORIGINAL") {
    const original = await db().decision.findFirst({
      where: { reference: parsed.data.supersedesReference, organisationId: user.organisationId },
      select: { id: true, organisationId: true, teamId: true, authorId: true, record: true },
    });
    if (!original) return { ok: false, status: 404, message: "Decision not found" };
    if (!can(user, "decision.reconsider", original)) return { ok: false, status: 403, message: "You cannot follow up this decision" };
    supersedesId = original.id;
    const previous = parseAnswers((original.record as { answers?: unknown }).answers ?? {});
    if (previous.ok) {
      const carried: WizardAnswers = { ...previous.answers };
      for (const stepId of ANSWERS_NOT_CARRIED_OVER) delete carried[stepId];
      answers = pruneAnswers(carried);
    }
  }

  return db().$transaction(async (tx) => {
    const draft = await tx.decisionDraft.create({
      data: { authorId: user.userId, organisationId: user.organisationId, kind: parsed.data.kind, supersedesId, answers: answers as object },
      select: { id: true },
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "draft.create",
        objectType: "draft",
        objectId: draft.id,
        caseReference: answers.concern?.caseReference ?? null,
        outcome: "SUCCESS",
        detail: { kind: parsed.data.kind, ...(parsed.data.supersedesReference ? { supersedes: parsed.data.supersedesReference } : {}) },
      }),
    );
    return { ok: true as const, draftId: draft.id };
  });
}
