import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { organisationSettingsSchema } from "@/schemas/organisation-settings";
import type { SignedInUser } from "./auth/current-actor";
import { appendAuditEvent, auditEntry } from "./audit/append-audit-event";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "./field-errors";
import { recordKeepingSettings } from "./organisation-settings";
import type { RequestMeta } from "@/server/infra/request-context";

export type UpdateSettingsResult = UseCaseResult;

/**
 * Changes how long the organisation takes to review decisions and keeps records; audited with old
 * and new values. The pipeline has checked the permission (settings.manage).
 */
export async function updateOrganisationSettings(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<UpdateSettingsResult> {
  const parsed = organisationSettingsSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const next = parsed.data;

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
}
