import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "../db";

export interface RetentionDueRow {
  reference: string;
  caseReference: string;
  recordedAt: string;
  retainUntil: string;
  extended: boolean;
  due: boolean;
}

/** Look this far ahead so the IG lead can plan reviews before records fall due. */
export const RETENTION_LOOKAHEAD_DAYS = 30;

/** Records whose retention period has ended or ends within the look-ahead, oldest first; disposed ones excluded. */
export async function listRetentionDue(user: SignedInUser, limit = 100): Promise<RetentionDueRow[]> {
  const rows = await db().$queryRaw<{ reference: string; case_reference: string; recorded_at: Date; retain_until: Date; extended: boolean }[]>`
    SELECT d.reference, d.case_reference, d.recorded_at,
           COALESCE(r.retain_until, d.retain_until) AS retain_until,
           r.decision_id IS NOT NULL AS extended
    FROM decision d
    LEFT JOIN retention_review r ON r.decision_id = d.id
    WHERE d.organisation_id = ${user.organisationId}::uuid
      AND r.disposed_at IS NULL
      AND COALESCE(r.retain_until, d.retain_until) <= now() + make_interval(days => ${RETENTION_LOOKAHEAD_DAYS})
    ORDER BY retain_until, d.reference
    LIMIT ${limit}`;
  const now = Date.now();
  return rows.map((r) => ({
    reference: r.reference,
    caseReference: r.case_reference,
    recordedAt: r.recorded_at.toISOString(),
    retainUntil: r.retain_until.toISOString(),
    extended: r.extended,
    due: r.retain_until.getTime() <= now,
  }));
}
