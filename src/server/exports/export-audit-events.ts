import "server-only";
import { type AuditEventExportFilter, auditEventExportFilterSchema } from "@/schemas/export-filters";
import { filteredCsvExport } from "./start-csv-export";
import { ukDayRange } from "@/domain/calendar";
import { Prisma } from "@/generated/prisma/client";
import { type CursorQuery, cursorQuery } from "./stream-cursor-as-csv";

export const AUDIT_EVENT_EXPORT_COLUMNS = [
  "id",
  "chain_seq",
  "at",
  "actor_id",
  "actor_name",
  "actor_role",
  "action",
  "object_type",
  "object_id",
  "case_reference",
  "outcome",
  "request_id",
  "ip",
  "detail",
  "prev_hash",
  "hash",
] as const;

/** An instant as ISO 8601 in UTC with milliseconds, as the app shows and hashes it. */
const ISO_UTC = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * The organisation's chain in chain order, filtered. The chain key is the organisation's id, so
 * the (chain_key, chain_seq) index yields the rows in order without a sort. Dates are UK calendar
 * days, both inclusive, bounded by the instants the UK calendar gives (as the audit search counts
 * them). Every value is a bind parameter; every column is text.
 */
export function auditEventsExportQuery(organisationId: string, filter: AuditEventExportFilter): CursorQuery {
  const where = [
    Prisma.sql`e.chain_key = ${organisationId}::text`,
    Prisma.sql`e.organisation_id = ${organisationId}::uuid`,
  ];
  if (filter.actor) where.push(Prisma.sql`e.actor_id = ${filter.actor}::uuid`);
  if (filter.action) where.push(Prisma.sql`e.action = ${filter.action}`);
  if (filter.objectReference) where.push(Prisma.sql`e.object_id = ${filter.objectReference}`);
  if (filter.caseReference) where.push(Prisma.sql`lower(e.case_reference) = lower(${filter.caseReference})`);
  if (filter.outcome) where.push(Prisma.sql`e.outcome = ${filter.outcome}::"AuditOutcome"`);
  const { start, end } = ukDayRange(filter.from, filter.to);
  if (start) where.push(Prisma.sql`e.at >= ${start.toISOString()}::timestamptz`);
  if (end) where.push(Prisma.sql`e.at < ${end.toISOString()}::timestamptz`);
  return cursorQuery(Prisma.sql`
    SELECT e.id::text, e.chain_seq::text, to_char(e.at AT TIME ZONE 'UTC', ${ISO_UTC}), e.actor_id::text, u.name,
           e.actor_role::text, e.action, e.object_type, e.object_id, e.case_reference, e.outcome::text, e.request_id,
           e.ip, e.detail::text, e.prev_hash, e.hash
      FROM audit_event e
      LEFT JOIN app_user u ON u.id = e.actor_id
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY e.chain_seq`);
}

/**
 * The IG lead's CSV export of their organisation's audit log for a filter, streamed in constant memory
 * and audited as `audit.export` before the first row is sent.
 */
export const exportAuditEvents = filteredCsvExport({
  action: "audit.export",
  filterSchema: auditEventExportFilterSchema,
  objectType: "audit_event",
  query: auditEventsExportQuery,
  header: AUDIT_EVENT_EXPORT_COLUMNS,
  filenameStem: "audit-events",
});
