import "server-only";
import { can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { CONSULTATION_SELECT, type ConsultationView, consultationView } from "./consultation-view";

const LIMIT = 100;

/** "Your consultations": the user's own, newest first. */
export async function listOwnConsultations(user: SignedInUser): Promise<ConsultationView[]> {
  if (!can(user, "consultation.list-own")) return [];
  const rows = await db().consultation.findMany({
    where: { authorId: user.userId, organisationId: user.organisationId },
    orderBy: [{ consultedAt: "desc" }, { createdAt: "desc" }],
    take: LIMIT,
    select: CONSULTATION_SELECT,
  });
  return rows.map(consultationView);
}

/**
 * The consultations linked to a decision, for its record page. The caller has already loaded the
 * decision for a user allowed to see it (and audited that view): what is linked is part of it.
 */
export async function listDecisionConsultations(
  decisionId: string,
  organisationId: string,
): Promise<ConsultationView[]> {
  const rows = await db().consultation.findMany({
    where: { linkedDecisionId: decisionId, organisationId },
    orderBy: { consultedAt: "asc" },
    select: CONSULTATION_SELECT,
  });
  return rows.map(consultationView);
}
