import "server-only";
import type { AdviserKind } from "@/domain/consultation";
import type { Prisma } from "@/generated/prisma/client";

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
} satisfies Prisma.ConsultationSelect;

type ConsultationRow = Prisma.ConsultationGetPayload<{ select: typeof CONSULTATION_SELECT }>;

/** The row as pages show it: columns as stored, dates as ISO text, the author and linked decision by name. */
export function consultationView({
  organisationId: _organisation,
  adviserKind,
  consultedAt,
  createdAt,
  linkedAt,
  author,
  linkedDecision,
  ...asStored
}: ConsultationRow): ConsultationView {
  return {
    ...asStored,
    adviserKind: adviserKind as AdviserKind,
    consultedAt: consultedAt.toISOString(),
    createdAt: createdAt.toISOString(),
    linkedAt: linkedAt?.toISOString() ?? null,
    authorName: author.name,
    linkedDecisionReference: linkedDecision?.reference ?? null,
  };
}
