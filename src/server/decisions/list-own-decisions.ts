import "server-only";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { normaliseDecisionReference } from "./reference";
import { type ReviewStatus, reviewStatus } from "@/domain/review";
import { draftResumePoint } from "@/domain/wizard/sections";
import { storedAnswers } from "./drafts";

// Control characters are dropped: PostgreSQL refuses a NUL in a query parameter.
export const decisionSearchSchema = z.object({
  q: z
    .string()
    .transform((q) => q.replace(/[\u0000-\u001f\u007f]/g, ""))
    .pipe(z.string().trim().max(60))
    .optional(),
});

export interface OwnDraftRow {
  id: string;
  kind: string;
  caseReference: string | null;
  supersedesReference: string | null;
  updatedAt: string;
  /** How far it got: the section and question it resumes at, or null when it is ready to check and record. */
  resumesAt: { sectionNumber: number; sectionTotal: number; section: string; question: string } | null;
}

export interface OwnDecisionRow {
  reference: string;
  kind: string;
  caseReference: string;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
  departsFromIndication: boolean;
  reviewFlags: string[];
  recordedAt: string;
  reviewStatus: ReviewStatus;
}

export interface OwnDecisions {
  drafts: OwnDraftRow[];
  decisions: OwnDecisionRow[];
  query: string;
}

const LIMIT = 100;

function resumePointOf(stored: unknown): OwnDraftRow["resumesAt"] {
  const point = draftResumePoint(storedAnswers(stored));
  if (!point) return null;
  const { section, question } = point;
  return { sectionNumber: section.number, sectionTotal: section.total, section: section.name, question };
}

/**
 * The practitioner's drafts and recorded decisions, newest first. The search matches a decision
 * reference exactly (as typed, in any case) or a case reference by prefix, case-insensitively.
 */
export async function listOwnDecisions(user: SignedInUser, raw: unknown): Promise<OwnDecisions> {
  const query = decisionSearchSchema.safeParse(raw).data?.q ?? "";
  const reference = query ? normaliseDecisionReference(query) : null;
  const caseFilter = query ? { caseReference: { startsWith: query, mode: "insensitive" as const } } : {};

  const [drafts, decisions] = await Promise.all([
    db().decisionDraft.findMany({
      where: { authorId: user.userId, organisationId: user.organisationId },
      orderBy: { updatedAt: "desc" },
      take: LIMIT,
      include: { supersedes: { select: { reference: true } } },
    }),
    db().decision.findMany({
      where: {
        authorId: user.userId,
        organisationId: user.organisationId,
        ...(query ? { OR: [caseFilter, ...(reference ? [{ reference }] : [])] } : {}),
      },
      orderBy: { recordedAt: "desc" },
      take: LIMIT,
      select: {
        reference: true,
        kind: true,
        caseReference: true,
        outcome: true,
        departsFromIndication: true,
        reviewFlags: true,
        recordedAt: true,
        reviews: { select: { kind: true, createdAt: true } },
        // Not `_count`: Prisma counts a relation by grouping the whole decision table, which at a
        // million decisions took ~100 ms a page; this is one indexed lookup for the 100 shown.
        followUps: { select: { id: true } },
      },
    }),
  ]);

  const draftRows = drafts
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      caseReference: (d.answers as { concern?: { caseReference?: string } }).concern?.caseReference ?? null,
      supersedesReference: d.supersedes?.reference ?? null,
      updatedAt: d.updatedAt.toISOString(),
      resumesAt: resumePointOf(d.answers),
    }))
    .filter((d) => !query || (d.caseReference?.toLowerCase().startsWith(query.toLowerCase()) ?? false));

  return {
    query,
    drafts: draftRows,
    decisions: decisions.map(({ reviews, followUps, ...d }) => ({
      ...d,
      recordedAt: d.recordedAt.toISOString(),
      reviewStatus: reviewStatus(
        reviews.map((r) => ({ kind: r.kind, createdAt: r.createdAt.toISOString() })),
        followUps.length > 0,
      ),
    })),
  };
}
