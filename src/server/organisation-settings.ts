import "server-only";
import { DEFAULT_RECORD_KEEPING_SETTINGS, type RecordKeepingSettings } from "@/domain/decision";
import type { Tx } from "./db";
import { db } from "./db";

/** The organisation's record-keeping settings, or the defaults until its IG lead sets them. */
export async function recordKeepingSettings(organisationId: string, tx?: Tx): Promise<RecordKeepingSettings> {
  const row = await (tx ?? db()).organisationSettings.findUnique({ where: { organisationId } });
  if (!row) return DEFAULT_RECORD_KEEPING_SETTINGS;
  return {
    reviewWithinDays: { emergency: row.reviewWithinDaysEmergency, flagged: row.reviewWithinDaysFlagged, routine: row.reviewWithinDaysRoutine },
    retentionYears: row.retentionYears,
  };
}
