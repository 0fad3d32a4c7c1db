import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { recordRefusalFor } from "../auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { CONSULTATION_SELECT, type ConsultationView, consultationView } from "./consultation-view";

export const CONSULTATION_NOT_FOUND = "Consultation not found";
const idSchema = z.uuid();

export type ViewConsultationResult = UseCaseResult<{ consultation: ConsultationView; canLink: boolean }>;

/**
 * One consultation for its author, their team's supervisor or the IG lead (policy
 * consultation.view); every view is audited. Another organisation's is "not found" (and a refusal).
 */
export async function viewConsultation(
  user: SignedInUser,
  rawId: string,
  meta: RequestMeta,
): Promise<ViewConsultationResult> {
  if (!idSchema.safeParse(rawId).success) return fail.notFound(CONSULTATION_NOT_FOUND);
  const row = await db().consultation.findUnique({ where: { id: rawId }, select: CONSULTATION_SELECT });
  if (!row) return fail.notFound(CONSULTATION_NOT_FOUND);
  const refused = await recordRefusalFor(
    user,
    meta,
    "consultation.view",
    { type: "consultation", id: row.id, resource: row },
    { notFound: CONSULTATION_NOT_FOUND, forbidden: "You do not have permission to see this consultation" },
  );
  if (refused) return refused;
  await db().$transaction((tx) =>
    appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "consultation.view",
        objectType: "consultation",
        objectId: row.id,
        caseReference: row.linkedCaseReference,
        outcome: "SUCCESS",
      }),
    ),
  );
  const unlinked = row.linkedAt === null;
  return { ok: true, consultation: consultationView(row), canLink: unlinked && can(user, "consultation.link", row) };
}
