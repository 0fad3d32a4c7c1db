import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { type StepId, type WizardAnswers, parseAnswers, parseStep, pruneAnswers } from "@/domain/wizard";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { fieldErrorsFrom } from "../field-errors";
import { decisionNotFound } from "./load-decision-for-action";
import { createDraft } from "./drafts";
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

export type StartDraftResult = UseCaseResult<{ draftId: string; startStepId: StepId }>;

// Steps whose answers a follow-up must give afresh: the decision itself, why it departs, what
// followed from not sharing, and an earlier reconsideration's new information.
const ANSWERS_NOT_CARRIED_OVER = ["decision", "departure-reason", "not-sharing", "reconsideration"] as const;

/**
 * Starts a wizard. A correction or reconsideration starts from the original's answers (so the
 * practitioner changes only what is new) but must give its decision and rationale again. The
 * pipeline has checked the permission (decision.record); following up a decision is record-scoped.
 */
export async function startDraft(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
  /** A reconsideration's new information and the answer it changes (the "reconsideration" step's form). */
  newInformation?: Record<string, unknown>,
): Promise<StartDraftResult> {
  const parsed = startDraftSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const reconsideration = newInformation === undefined ? undefined : parseStep("reconsideration", newInformation);
  if (reconsideration && !reconsideration.ok) return fail.invalid(reconsideration.errors);

  let answers: WizardAnswers = {};
  let supersedesId: string | null = null;
  if (parsed.data.kind !== "ORIGINAL") {
    const original = await db().decision.findFirst({
      where: { reference: parsed.data.supersedesReference, organisationId: user.organisationId },
      select: { id: true, organisationId: true, teamId: true, authorId: true, record: true },
    });
    const reference = parsed.data.supersedesReference ?? "";
    if (!original) return decisionNotFound(user, reference, "decision.reconsider", meta);
    if (!can(user, "decision.reconsider", original)) {
      await recordRefusal(user, meta, "decision.reconsider", { type: "decision", id: reference });
      return fail.forbidden("You cannot follow up this decision");
    }
    supersedesId = original.id;
    const previous = parseAnswers((original.record as { answers?: unknown }).answers ?? {});
    if (previous.ok) {
      const carried: WizardAnswers = { ...previous.answers };
      for (const stepId of ANSWERS_NOT_CARRIED_OVER) delete carried[stepId];
      answers = pruneAnswers(carried);
    }
  }
  // The earlier answers stay filled in; the practitioner walks on again from the question the new
  // information changes (issue 11).
  let startStepId: StepId = "urgency";
  if (reconsideration?.ok && parsed.data.kind === "RECONSIDERATION") {
    answers = pruneAnswers({ ...answers, reconsideration: reconsideration.value });
    startStepId = reconsideration.value.changesStep;
  }

  return db().$transaction(async (tx): Promise<StartDraftResult> => {
    const draftId = await createDraft(
      tx,
      user,
      meta,
      { kind: parsed.data.kind, supersedesId, answers },
      {
        ...(parsed.data.supersedesReference ? { supersedes: parsed.data.supersedesReference } : {}),
        ...(answers.reconsideration ? { changesStep: answers.reconsideration.changesStep } : {}),
      },
    );
    return { ok: true, draftId, startStepId };
  });
}
