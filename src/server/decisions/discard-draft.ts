import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { draftResumePoint } from "@/domain/wizard/sections";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadOwnDraft } from "./drafts";

export type DiscardDraftResult = UseCaseResult<{ caseReference: string | null }>;

/**
 * Deletes one of the practitioner's own drafts (nothing was recorded from it, so nothing of the record
 * is lost) and audits it as `draft.discard` in the same transaction, naming how far it had got. Anyone
 * else's draft, or none, is "not found", as everywhere drafts are read. The pipeline has checked
 * decision.record.
 */
export async function discardDraft(
  user: SignedInUser,
  draftId: unknown,
  meta: RequestMeta,
): Promise<DiscardDraftResult> {
  const notFound = fail.notFound("This draft does not exist or is not yours");
  if (typeof draftId !== "string") return notFound;
  const draft = await loadOwnDraft(user, draftId);
  if (!draft) return notFound;
  const caseReference = draft.answers.concern?.caseReference ?? null;
  const resumesAt = draftResumePoint(draft.answers);
  const deleted = await db().$transaction(async (tx) => {
    const { count } = await tx.decisionDraft.deleteMany({ where: { id: draft.id, authorId: user.userId } });
    if (count === 0) return false;
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "draft.discard",
        objectType: "draft",
        objectId: draft.id,
        caseReference,
        outcome: "SUCCESS",
        detail: {
          kind: draft.kind,
          ...(draft.supersedes ? { supersedes: draft.supersedes.reference } : {}),
          draftStep: resumesAt ? resumesAt.stepId : "check-answers",
        },
      }),
    );
    return true;
  });
  // Discarded meanwhile (a second tab): the same answer as a draft that never was.
  return deleted ? { ok: true, caseReference } : notFound;
}
