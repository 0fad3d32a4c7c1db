import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { STEP_REFUSALS, statusAfter } from "@/domain/requests";
import { type StepId, firstIncompleteStepId, prefillFromRequest } from "@/domain/wizard";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { createDraft, storedAnswers } from "../decisions/drafts";
import { db } from "@/server/infra/db";
import { withRequest } from "./request-step";
import { requestFacts } from "./request-facts";

export type StartAnswerDraftResult = UseCaseResult<{ draftId: string; startStepId: StepId; existing: boolean }>;

/**
 * The contact team answers a request by walking the wizard (issue 14): a draft of the responding
 * organisation linked to the request, already filled with what the request says. One draft per
 * request: its author gets it back; anyone else is told who is answering.
 */
export const startAnswerDraft = withRequest(
  "request.respond",
  async (user, request, meta): Promise<StartAnswerDraftResult> => {
    if (!can(user, "decision.record")) {
      await recordRefusal(user, meta, "decision.record", { type: "information-request", id: request.reference });
      return fail.forbidden("You cannot record decisions");
    }
    if (!statusAfter("answer", request.status)) return fail.conflict(STEP_REFUSALS.answer);

    const existing = await existingDraft(user, request.id);
    if (existing) return existing;

    const prefill = prefillFromRequest(await requestFacts(request.id));
    try {
      return await db().$transaction(async (tx): Promise<StartAnswerDraftResult> => {
        const draftId = await createDraft(
          tx,
          user,
          meta,
          { kind: "ORIGINAL", answersRequestId: request.id, answers: prefill.answers },
          { answersRequest: request.reference },
        );
        return { ok: true, draftId, startStepId: firstIncompleteStepId(prefill.answers), existing: false };
      });
    } catch (error) {
      // Two starts at once: the unique link lets one draft in; the other gets it (or who holds it).
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const raced = await existingDraft(user, request.id);
        if (raced) return raced;
      }
      throw error;
    }
  },
);

async function existingDraft(user: SignedInUser, requestId: string): Promise<StartAnswerDraftResult | null> {
  const draft = await db().decisionDraft.findUnique({
    where: { answersRequestId: requestId },
    select: { id: true, authorId: true, answers: true, author: { select: { name: true } } },
  });
  if (!draft) return null;
  if (draft.authorId !== user.userId) {
    return fail.conflict(`${draft.author.name} has already started answering this request`);
  }
  return {
    ok: true,
    draftId: draft.id,
    startStepId: firstIncompleteStepId(storedAnswers(draft.answers)),
    existing: true,
  };
}
