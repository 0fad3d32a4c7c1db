import "server-only";
import type { AdviserKind } from "@/domain/consultation";

/** A consultation as pages show it. */
export interface ConsultationView {
  id: string;
  adviserKind: AdviserKind;
  adviser: string;
  question: string;
  advice: string;
  consultedAt: string;
  createdAt: string;
  authorId: string;
  authorName: string;
  teamId: string | null;
  linkedDecisionReference: string | null;
  linkedCaseReference: string | null;
  linkedAt: string | null;
}

export const CONSULTATION_SELECT = {
  id: true,
  organisationId: true,
  teamId: true,
  authorId: true,
  adviserKind: true,
  adviser: true,
  question: true,
  advice: true,
  consultedAt: true,
  createdAt: true,
  linkedCaseReference: true,
  linkedAt: true,
  author: { select: { name: true } },
  linkedDecision: { select: { reference: true } },
} as const;

export function consultationView(row: {
  id: string;
  teamId: string | null;
  authorId: string;
  adviserKind: string;
  adviser: string;
  question: string;
  advice: string;
  consultedAt: Date;
  createdAt: Date;
  linkedCaseReference: string | null;
  linkedAt: Date | null;
  author: { name: string };
  linkedDecision: { reference: string } | null;
}): ConsultationView {
  return {
    id: row.id,
    adviserKind: row.adviserKind as AdviserKind,
    adviser: row.adviser,
    question: row.question,
    advice: row.advice,
    consultedAt: row.consultedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    authorId: row.authorId,
    authorName: row.author.name,
    teamId: row.teamId,
    linkedDecisionReference: row.linkedDecision?.reference ?? null,
    linkedCaseReference: row.linkedCaseReference,
    linkedAt: row.linkedAt?.toISOString() ?? null,
  };
}
