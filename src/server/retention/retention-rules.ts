import "server-only";
import {
  type RetentionRecordType,
  type RetentionRule,
  RETENTION_RECORD_TYPES,
  retentionRulesWith,
} from "@/domain/retention";
import { type Tx, db } from "@/server/infra/db";

/** An organisation's retention rules by record type: its own where its IG lead set them, else the defaults. */
export async function retentionRules(
  organisationId: string,
  tx?: Tx,
): Promise<Record<RetentionRecordType, RetentionRule>> {
  const rows = await (tx ?? db()).retentionRule.findMany({
    where: { organisationId },
    select: { recordType: true, years: true, untilAge: true },
  });
  return retentionRulesWith(rowsAsRules(rows));
}

/** Rows (as stored, or as JSON from a raw query) as the domain's rules; unknown types are dropped. */
export function rowsAsRules(rows: readonly { recordType: string; years: number; untilAge: number | null }[]) {
  return rows.flatMap((row): RetentionRule[] =>
    (RETENTION_RECORD_TYPES as readonly string[]).includes(row.recordType)
      ? [{ recordType: row.recordType as RetentionRecordType, years: row.years, untilAge: row.untilAge }]
      : [],
  );
}
