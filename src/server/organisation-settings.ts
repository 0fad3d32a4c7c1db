import "server-only";
import { DEFAULT_RECORD_KEEPING_SETTINGS, type RecordKeepingSettings } from "@/domain/decision";
import type { OrganisationSettings } from "@/generated/prisma/client";
import type { Tx } from "@/server/infra/db";
import { db } from "@/server/infra/db";

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
