import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type CaseAccess, can, caseAccess } from "@/domain/policy";
import { type ReviewKind, type ReviewStatus, reviewStatus } from "@/domain/review";
import { caseReference as caseReferenceSchema } from "@/domain/wizard/fields";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

/** One thing that happened in a case, for the chronology. New kinds (requests, consultations) plug in here. */
export type CaseEvent =
  | {
      kind: "decision";
      at: string;
      reference: string;
      decisionKind: "ORIGINAL" | "CORRECTION" | "RECONSIDERATION";
      outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
      indication: string;
      departsFromIndication: boolean;
      lawfulBasisIds: string[];
      authorName: string;
      teamName: string | null;
      reviewStatus: ReviewStatus;
      /** Whether this reader may open the full record (the record's own policy, not the case's). */
      canOpen: boolean;
    }
  | { kind: "review"; at: string; reference: string; reviewKind: ReviewKind; byName: string };

export type CaseView =
  | { access: Extract<CaseAccess, "read">; caseReference: string; events: CaseEvent[]; teamNames: string[] }
  /** For someone outside the case's teams: that records exist, how many, and which teams to ask. */
  | { access: Extract<CaseAccess, "existence">; caseReference: string; recordCount: number; teamNames: string[] };

export type ViewCaseResult = UseCaseResult<{ view: CaseView }>;

export const CASE_NOT_FOUND = "There are no records for this case reference in your organisation";
const NO_TEAM = "No team";

interface CaseDecisionRow {
  id: string;
  reference: string;
  kind: "ORIGINAL" | "CORRECTION" | "RECONSIDERATION";
  organisation_id: string;
  team_id: string | null;
  team_name: string | null;
  author_id: string;
  author_name: string;
  case_reference: string;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
  indication: string;
  departs_from_indication: boolean;
  lawful_basis_ids: string[];
  recorded_at: Date;
  has_follow_up: boolean;
}

function decisionsUnder(organisationId: string, caseReference: Prisma.Sql) {
  return db().$queryRaw<CaseDecisionRow[]>`
    SELECT d.id, d.reference, d.kind, d.organisation_id, d.team_id, t.name AS team_name, d.author_id,
           u.name AS author_name, d.case_reference, d.outcome, d.indication, d.departs_from_indication,
           d.lawful_basis_ids, d.recorded_at,
           EXISTS (SELECT 1 FROM decision f WHERE f.supersedes_id = d.id) AS has_follow_up
      FROM decision d
      JOIN app_user u ON u.id = d.author_id
      LEFT JOIN team t ON t.id = d.team_id
     WHERE d.organisation_id = ${organisationId}::uuid AND d.case_reference = ${caseReference}
     ORDER BY d.recorded_at DESC, d.id DESC`;
}

/**
 * The case's decisions. The reference as typed is looked up first, on the (organisation, case
 * reference) index; only if that finds nothing is it matched regardless of letter case (people
 * type references both ways), which reads the organisation's references rather than the index.
 */
async function caseDecisions(organisationId: string, asked: string): Promise<CaseDecisionRow[]> {
  const exact = await decisionsUnder(organisationId, Prisma.sql`${asked}`);
  if (exact.length > 0) return exact;
  return decisionsUnder(
    organisationId,
    Prisma.sql`(SELECT case_reference FROM decision
                 WHERE organisation_id = ${organisationId}::uuid AND lower(case_reference) = lower(${asked})
                 LIMIT 1)`,
  );
}

/**
 * Everything the organisation holds about one case reference, as far as this reader may know it
 * (the domain's case policy), and one audit event saying they looked. Case references are matched
 * without regard to letter case, as practitioners type them both ways.
 */
export async function viewCase(
  user: SignedInUser,
  rawCaseReference: string,
  meta: RequestMeta,
): Promise<ViewCaseResult> {
  const parsed = caseReferenceSchema().safeParse(rawCaseReference);
  if (!parsed.success) return fail.notFound(CASE_NOT_FOUND);
  const asked = parsed.data;

  const decisions = await caseDecisions(user.organisationId, asked);

  const caseReference = decisions[0]?.case_reference ?? asked;
  const audit = (detail: { access: CaseAccess; records: number }) =>
    db().$transaction((tx) =>
      appendAuditEvent(
        tx,
        auditEntry(user, meta, {
          action: "case.view",
          objectType: "case",
          objectId: caseReference,
          caseReference,
          outcome: "SUCCESS",
          detail,
        }),
      ),
    );

  if (decisions.length === 0) {
    // A search that found nothing is still a search an IG lead may need to see.
    await audit({ access: "none", records: 0 });
    return fail.notFound(CASE_NOT_FOUND);
  }

  const resource = {
    organisationId: user.organisationId,
    teamIds: decisions.map((d) => d.team_id),
    authorIds: decisions.map((d) => d.author_id),
  };
  const access = caseAccess(user, resource);
  const teamNames = [...new Set(decisions.map((d) => d.team_name ?? NO_TEAM))].sort();

  if (access !== "read") {
    await audit({ access: "existence", records: decisions.length });
    return { ok: true, view: { access: "existence", caseReference, recordCount: decisions.length, teamNames } };
  }

  const reviews = await db().review.findMany({
    where: { decisionId: { in: decisions.map((d) => d.id) } },
    select: { decisionId: true, kind: true, createdAt: true, author: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const referenceOf = new Map(decisions.map((d) => [d.id, d.reference]));
  const reviewsOf = (decisionId: string) =>
    reviews
      .filter((r) => r.decisionId === decisionId)
      .map((r) => ({ kind: r.kind, createdAt: r.createdAt.toISOString() }));

  const events: CaseEvent[] = [
    ...decisions.map((d): CaseEvent => ({
      kind: "decision",
      at: d.recorded_at.toISOString(),
      reference: d.reference,
      decisionKind: d.kind,
      outcome: d.outcome,
      indication: d.indication,
      departsFromIndication: d.departs_from_indication,
      lawfulBasisIds: d.lawful_basis_ids,
      authorName: d.author_name,
      teamName: d.team_name,
      reviewStatus: reviewStatus(reviewsOf(d.id), d.has_follow_up),
      canOpen: can(user, "decision.view", {
        organisationId: d.organisation_id,
        teamId: d.team_id,
        authorId: d.author_id,
      }),
    })),
    ...reviews.map((r): CaseEvent => ({
      kind: "review",
      at: r.createdAt.toISOString(),
      reference: referenceOf.get(r.decisionId) ?? "",
      reviewKind: r.kind,
      byName: r.author.name,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  await audit({ access: "read", records: decisions.length });
  return { ok: true, view: { access: "read", caseReference, events, teamNames } };
}
