import "server-only";
import { z } from "zod";
import { type WizardAnswers, parseAnswers } from "@/domain/wizard";
import type { OrganisationKind } from "@/domain/lawful-basis";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

export interface DraftView {
  id: string;
  kind: "ORIGINAL" | "CORRECTION" | "RECONSIDERATION";
  supersedes: { id: string; reference: string } | null;
  answers: WizardAnswers;
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
  const [supersedes, organisation] = await Promise.all([
    draft.supersedesId
      ? db().decision.findUnique({ where: { id: draft.supersedesId }, select: { id: true, reference: true } })
      : null,
    db().organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { kind: true } }),
  ]);
  return {
    id: draft.id,
    kind: draft.kind,
    supersedes,
    answers: storedAnswers(draft.answers),
    organisationKind: organisation.kind,
    updatedAt: draft.updatedAt.toISOString(),
  };
}
