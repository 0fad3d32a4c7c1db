import "server-only";
import { consultationLinkSchema } from "@/domain/consultation";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { recordRefusalFor } from "../auth/refusal";
import { normaliseDecisionReference } from "../decisions/reference";
import { fieldErrorsFrom } from "../field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { CONSULTATION_NOT_FOUND } from "./view-consultation";

export type LinkConsultationResult = UseCaseResult<{ decisionReference: string | null }>;

const idSchema = z.uuid();
const DECISION_NOT_YOURS = "Enter the reference of a decision you can see";

/**
 * Its author links a consultation to a named decision (one they may see) or to a case reference,
 * once: the link is audited and then shows on the decision's record. Under a row lock, so two
 * links at once cannot both win.
 */
export async function linkConsultation(
  user: SignedInUser,
  rawId: string,
  raw: unknown,
  meta: RequestMeta,
): Promise<LinkConsultationResult> {
  if (!idSchema.safeParse(rawId).success) return fail.notFound(CONSULTATION_NOT_FOUND);
  const parsed = consultationLinkSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const link = parsed.data;

  let decision: { id: string; reference: string; caseReference: string } | null = null;
  if (link.kind === "decision") {
    const reference = normaliseDecisionReference(link.reference);
    const found = reference
      ? await db().decision.findFirst({
          where: { reference, organisationId: user.organisationId },
          select: {
            id: true,
            reference: true,
            caseReference: true,
            organisationId: true,
            teamId: true,
            authorId: true,
          },
        })
      : null;
    // A decision the user may not see is "not recognised", so a guess reveals nothing.
    if (!found || !can(user, "decision.view", found)) {
      return fail.invalid([{ field: "decisionReference", message: DECISION_NOT_YOURS }]);
    }
    decision = found;
  }

  return db().$transaction(async (tx): Promise<LinkConsultationResult> => {
    const rows = await tx.$queryRaw<
      { id: string; organisation_id: string; team_id: string | null; author_id: string; linked_at: Date | null }[]
    >`SELECT id, organisation_id, team_id, author_id, linked_at FROM consultation WHERE id = ${rawId}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) return fail.notFound(CONSULTATION_NOT_FOUND);
    const resource = { organisationId: row.organisation_id, teamId: row.team_id, authorId: row.author_id };
    const refused = await recordRefusalFor(
      user,
      meta,
      "consultation.link",
      { type: "consultation", id: row.id, resource },
      { notFound: CONSULTATION_NOT_FOUND, forbidden: "Only the person who recorded a consultation can link it" },
    );
    if (refused) return refused;
    if (row.linked_at !== null) return fail.conflict("This consultation is already linked");

    const caseReference = decision ? decision.caseReference : link.reference;
    await tx.consultation.update({
      where: { id: row.id },
      data: { linkedDecisionId: decision?.id ?? null, linkedCaseReference: caseReference, linkedAt: new Date() },
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "consultation.link",
        objectType: "consultation",
        objectId: row.id,
        caseReference,
        outcome: "SUCCESS",
        detail: decision ? { decision: decision.reference } : { linkedTo: "case" },
      }),
    );
    return { ok: true, decisionReference: decision?.reference ?? null };
  });
}
