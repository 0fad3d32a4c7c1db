import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { organisationProfileSchema } from "@/schemas/administration";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import { isUniqueViolation, lockOrganisation } from "./in-organisation";
import { withUserInput } from "@/server/use-case";

export type UpdateOrganisationProfileResult = UseCaseResult<{ changed: boolean }>;

/**
 * Changes the admin's own organisation's name and kind (the kind decides which lawful bases the
 * wizard offers, from the next decision on; recorded decisions keep theirs). Audited with the
 * values before and after. The pipeline has checked the permission (organisation.manage).
 */
export const updateOrganisationProfile = withUserInput(
  organisationProfileSchema,
  async (admin, next, meta): Promise<UpdateOrganisationProfileResult> => {
    try {
      return await db().$transaction(async (tx) => {
        await lockOrganisation(tx, admin.organisationId);
        const before = await tx.organisation.findUniqueOrThrow({
          where: { id: admin.organisationId },
          select: { name: true, kind: true },
        });
        if (before.name === next.name && before.kind === next.kind) return { ok: true as const, changed: false };
        await tx.organisation.update({ where: { id: admin.organisationId }, data: next });
        await appendAuditEvent(
          tx,
          auditEntry(admin, meta, {
            action: "organisation.update",
            objectType: "organisation",
            objectId: admin.organisationId,
            outcome: "SUCCESS",
            detail: { before, after: next },
          }),
        );
        return { ok: true as const, changed: true };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        return fail.conflict(
          "Another organisation already uses that name. Enter your organisation's full name",
          "name",
        );
      }
      throw error;
    }
  },
);
