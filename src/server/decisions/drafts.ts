import "server-only";
import { z } from "zod";
import {
  type AnswerStepId,
  type FormInput,
  type WizardAnswers,
  parseAnswers,
  prefillFromRequest,
} from "@/domain/wizard";
import type { OrganisationKind } from "@/domain/lawful-basis";
import type { SignedInUser } from "../auth/current-actor";
import type { DecisionKind } from "@/generated/prisma/client";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { requestFacts } from "../requests/request-facts";

export interface DraftView {
  id: string;
  kind: "ORIGINAL" | "CORRECTION" | "RECONSIDERATION";
  supersedes: { id: string; reference: string } | null;
  /** The information request this draft answers (decision 032). */
  answersRequest: { id: string; reference: string } | null;
  answers: WizardAnswers;
  /** What a page shows before it is answered: the answered request's part-answers (decision 032). */
  formDefaults: Partial<Record<AnswerStepId, FormInput>>;
  organisationKind: OrganisationKind;
  updatedAt: string;
}

export const draftIdSchema = z.uuid();

/**
 * A draft's stored answers as the wizard reads them. A draft only ever holds answers the wizard
 * parsed; if a guidance update has made an old answer invalid the practitioner simply answers
 * that question again.
 */
export function storedAnswers(stored: unknown): WizardAnswers {
  const parsed = parseAnswers(stored);
  return parsed.ok ? parsed.answers : {};
}

/**
 * A draft belongs to its author alone: anyone else, and any malformed id, gets "not found" so
 * that draft ids cannot be probed.
 */
export async function loadOwnDraft(user: SignedInUser, draftId: string): Promise<DraftView | null> {
  if (!draftIdSchema.safeParse(draftId).success) return null;
  const draft = await db().decisionDraft.findFirst({
    where: { id: draftId, authorId: user.userId, organisationId: user.organisationId },
  });
  if (!draft) return null;
  // Prisma loads an included relation with a query of its own even when there is none to load;
  // most drafts follow on from nothing, so look that up only when there is one, beside the
  // organisation (every wizard page and answer comes through here).
  const [supersedes, organisation, answersRequest, facts] = await Promise.all([
    draft.supersedesId
      ? db().decision.findUnique({ where: { id: draft.supersedesId }, select: { id: true, reference: true } })
      : null,
    db().organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { kind: true } }),
    draft.answersRequestId
      ? db().informationRequest.findUnique({
          where: { id: draft.answersRequestId },
          select: { id: true, reference: true },
        })
      : null,
    draft.answersRequestId ? requestFacts(draft.answersRequestId) : null,
  ]);
  return {
    id: draft.id,
    kind: draft.kind,
    supersedes,
    answersRequest,
    answers: storedAnswers(draft.answers),
    formDefaults: facts ? prefillFromRequest(facts).formDefaults : {},
    organisationKind: organisation.kind,
    updatedAt: draft.updatedAt.toISOString(),
  };
}

/** A new draft of the user's and its "draft.create" audit event, in the caller's transaction. */
export async function createDraft(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  draft: { kind: DecisionKind; answers: WizardAnswers; supersedesId?: string | null; answersRequestId?: string },
  detail: Record<string, string>,
): Promise<string> {
  const { id } = await tx.decisionDraft.create({
    data: {
      authorId: user.userId,
      organisationId: user.organisationId,
      kind: draft.kind,
      supersedesId: draft.supersedesId ?? null,
      answersRequestId: draft.answersRequestId ?? null,
      answers: draft.answers as object,
    },
    select: { id: true },
  });
  await appendAuditEvent(
    tx,
    auditEntry(user, meta, {
      action: "draft.create",
      objectType: "draft",
      objectId: id,
      caseReference: draft.answers.concern?.caseReference ?? null,
      outcome: "SUCCESS",
      detail: { kind: draft.kind, ...detail },
    }),
  );
  return id;
}
