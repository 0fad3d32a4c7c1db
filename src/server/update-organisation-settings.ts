import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { organisationSettingsSchema } from "@/schemas/organisation-settings";
import { db } from "@/server/infra/db";
import { changeOrganisationSettings, recordKeepingSettings } from "./organisation-settings";
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
      await changeOrganisationSettings(tx, user, meta, next, {
        before: { ...previous.reviewWithinDays, retentionYears: previous.retentionYears },
        after: {
          emergency: next.reviewWithinDaysEmergency,
          flagged: next.reviewWithinDaysFlagged,
          routine: next.reviewWithinDaysRoutine,
          retentionYears: next.retentionYears,
        },
      });
    });
    return { ok: true };
  },
);
