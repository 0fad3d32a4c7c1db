import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { type AppliedRetention, appliedRetentionSchema } from "@/domain/retention";

export interface RetentionDueRow {
  reference: string;
  caseReference: string;
  recordedAt: string;
  retainUntil: string;
  extended: boolean;
  due: boolean;
  /** The rule that gave the record its date (decision 024); null for records made before rules by type. */
  rule: AppliedRetention | null;
}

/** Look this far ahead so the IG lead can plan reviews before records fall due. */
export const RETENTION_LOOKAHEAD_DAYS = 30;

/** Records whose retention period has ended or ends within the look-ahead, oldest first; disposed ones excluded. */
export async function listRetentionDue(user: SignedInUser, limit = 100): Promise<RetentionDueRow[]> {
  // Two index range scans rather than one COALESCE over every decision of the organisation (a
  // sequential scan: ~800 ms at a million decisions): records never reviewed, by their own date,
  // and records kept longer (few), by the extended date.
  const rows = await db().$queryRaw<
    {
      reference: string;
      case_reference: string;
      recorded_at: Date;
      retain_until: Date;
      extended: boolean;
      retention_rule: unknown;
    }[]
  >`
    (SELECT d.reference, d.case_reference, d.recorded_at, d.retain_until, false AS extended, d.retention_rule
       FROM decision d
      WHERE d.organisation_id = ${user.organisationId}::uuid
        AND d.retain_until <= now() + make_interval(days => ${RETENTION_LOOKAHEAD_DAYS})
        AND NOT EXISTS (SELECT 1 FROM retention_review r WHERE r.decision_id = d.id)
      ORDER BY d.retain_until, d.reference
      LIMIT ${limit})
    UNION ALL
    (SELECT d.reference, d.case_reference, d.recorded_at, r.retain_until, true AS extended, d.retention_rule
       FROM retention_review r
       JOIN decision d ON d.id = r.decision_id
      WHERE d.organisation_id = ${user.organisationId}::uuid
        AND r.disposed_at IS NULL
        AND r.retain_until <= now() + make_interval(days => ${RETENTION_LOOKAHEAD_DAYS})
      ORDER BY r.retain_until, d.reference
      LIMIT ${limit})
    ORDER BY retain_until, reference
    LIMIT ${limit}`;
  const now = Date.now();
  return rows.map((r) => ({
    reference: r.reference,
    caseReference: r.case_reference,
    recordedAt: r.recorded_at.toISOString(),
    retainUntil: r.retain_until.toISOString(),
    extended: r.extended,
    due: r.retain_until.getTime() <= now,
    rule: appliedRetentionSchema.safeParse(r.retention_rule).data ?? null,
  }));
}
