import "server-only";
import type { JsonValue } from "@/domain/audit";
import { DEFAULT_RECORD_KEEPING_SETTINGS, type RecordKeepingSettings } from "@/domain/decision";
import type { OrganisationSettings } from "@/generated/prisma/client";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import type { Tx } from "@/server/infra/db";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

/** The organisation's record-keeping settings, or the defaults until its IG lead sets them. */
export async function recordKeepingSettings(organisationId: string, tx?: Tx): Promise<RecordKeepingSettings> {
  return recordKeepingSettingsFrom(await (tx ?? db()).organisationSettings.findUnique({ where: { organisationId } }));
}

export type RecordKeepingSettingsRow = Pick<
  OrganisationSettings,
  "reviewWithinDaysEmergency" | "reviewWithinDaysFlagged" | "reviewWithinDaysRoutine" | "retentionYears"
>;

/** The settings from their row (loaded with other things), or the defaults when there is none. */
export function recordKeepingSettingsFrom(row: RecordKeepingSettingsRow | null): RecordKeepingSettings {
  if (!row) return DEFAULT_RECORD_KEEPING_SETTINGS;
  return {
    reviewWithinDays: {
      emergency: row.reviewWithinDaysEmergency,
      flagged: row.reviewWithinDaysFlagged,
      routine: row.reviewWithinDaysRoutine,
    },
    retentionYears: row.retentionYears,
  };
}

type JsonObject = { [key: string]: JsonValue };

/** The settings an organisation's leads change from their settings pages. */
export type SettingsChange = Partial<
  Pick<OrganisationSettings, keyof RecordKeepingSettingsRow | "requireSecondFactor">
>;

/**
 * Writes a change to the organisation's settings (the row is made on the first change) and audits
 * `settings.change` with the values before and after, in the caller's transaction.
 */
export async function changeOrganisationSettings(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  change: SettingsChange,
  detail: { before: JsonObject; after: JsonObject },
): Promise<void> {
  await tx.organisationSettings.upsert({
    where: { organisationId: user.organisationId },
    create: { organisationId: user.organisationId, ...change, updatedById: user.userId },
    update: { ...change, updatedById: user.userId },
  });
  await appendAuditEvent(
    tx,
    auditEntry(user, meta, {
      action: "settings.change",
      objectType: "organisation",
      objectId: user.organisationId,
      outcome: "SUCCESS",
      detail,
    }),
  );
}
