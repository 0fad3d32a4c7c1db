import "server-only";
import { type UseCaseResult } from "@/domain/errors";
import { organisationSettingsSchema } from "@/schemas/organisation-settings";
import { appendAuditEvent, auditEntry } from "./audit/append-audit-event";
import { db } from "@/server/infra/db";
import { recordKeepingSettings } from "./organisation-settings";
import { withUserInput } from "@/server/use-case";

export type UpdateSettingsResult = UseCaseResult;

/**
 * Changes how long the organisation takes to review decisions and keeps records; audited with old
 * and new values. The pipeline has checked the permission (settings.manage).
 */
export const updateOrganisationSettings = withUserInput(
  organisationSettingsSchema,
  async (user, next, meta): Promise<UpdateSettingsResult> => {
    await db().$transaction(async (tx) => {
      const previous = await recordKeepingSettings(user.organisationId, tx);
      await tx.organisationSettings.upsert({
        where: { organisationId: user.organisationId },
        create: { organisationId: user.organisationId, ...next, updatedById: user.userId },
        update: { ...next, updatedById: user.userId },
      });
      await appendAuditEvent(
        tx,
        auditEntry(user, meta, {
          action: "settings.change",
          objectType: "organisation",
          objectId: user.organisationId,
          outcome: "SUCCESS",
          detail: {
            before: { ...previous.reviewWithinDays, retentionYears: previous.retentionYears },
            after: {
              emergency: next.reviewWithinDaysEmergency,
              flagged: next.reviewWithinDaysFlagged,
              routine: next.reviewWithinDaysRoutine,
              retentionYears: next.retentionYears,
            },
          },
        }),
      );
    });
    return { ok: true };
  },
);
