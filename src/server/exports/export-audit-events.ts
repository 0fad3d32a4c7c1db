import "server-only";
import { type AuditEventExportFilter, auditEventExportFilterSchema } from "@/schemas/export-filters";
import type { SignedInUser } from "../auth/current-actor";
import type { RequestMeta } from "@/server/infra/request-context";
import { type CsvExportOptions, type CsvExportResult, exportFilteredCsv } from "./start-csv-export";
import { UK_TIME_ZONE, ukDayRange } from "@/domain/calendar";
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
  // For people reading the export (the columns above are what the hashes cover, for verify-export.mjs):
  // the time in UK time with its offset, and the action and role in the words the audit log page uses.
  "uk_time",
  "what_happened",
  "role",
] as const;

/** The words for actions and roles (src/components/audit-labels.ts), given by the route. */
export interface AuditExportLabels {
  actions: Record<string, string>;
  roles: Record<string, string>;
}

const NO_LABELS: AuditExportLabels = { actions: {}, roles: {} };

/** An instant as ISO 8601 in UTC with milliseconds, as the app shows and hashes it. */
const ISO_UTC = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
/** A UK wall-clock time as ISO 8601 without its offset (the query adds it). */
const UK_LOCAL = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS'`);

/**
 * A timestamptz as UK wall-clock time in ISO 8601 with its offset from UTC ("2026-03-29T02:30:00+01:00"),
 * whatever the session's TimeZone.
 */
export function ukTimeWithOffset(instant: Prisma.Sql): Prisma.Sql {
  const local = Prisma.sql`(${instant} AT TIME ZONE ${UK_TIME_ZONE})`;
  const offset = Prisma.sql`(${local} - (${instant} AT TIME ZONE 'UTC'))`;
  return Prisma.sql`to_char(${local}, ${UK_LOCAL}) || CASE WHEN ${offset} < interval '0'
    THEN '-' || to_char(-${offset}, 'HH24:MI') ELSE '+' || to_char(${offset}, 'HH24:MI') END`;
}

/**
 * The organisation's chain in chain order, filtered. The chain key is the organisation's id, so
 * the (chain_key, chain_seq) index yields the rows in order without a sort. Dates are UK calendar
 * days, both inclusive, bounded by the instants the UK calendar gives (as the audit search counts
 * them). Every value is a bind parameter; every column is text.
 */
export function auditEventsExportQuery(
  organisationId: string,
  filter: AuditEventExportFilter,
  labels: AuditExportLabels = NO_LABELS,
): CursorQuery {
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
           e.ip, e.detail::text, e.prev_hash, e.hash,
           ${ukTimeWithOffset(Prisma.sql`e.at`)},
           coalesce(action_label.words, e.action), coalesce(role_label.words, e.actor_role::text)
      FROM audit_event e
      LEFT JOIN app_user u ON u.id = e.actor_id
      LEFT JOIN unnest(${Object.keys(labels.actions)}::text[], ${Object.values(labels.actions)}::text[])
             AS action_label(action, words) ON action_label.action = e.action
      LEFT JOIN unnest(${Object.keys(labels.roles)}::text[], ${Object.values(labels.roles)}::text[])
             AS role_label(role, words) ON role_label.role = e.actor_role::text
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY e.chain_seq`);
}

/**
 * The IG lead's CSV export of their organisation's audit log for a filter, streamed in constant memory
 * and audited as `audit.export` before the first row is sent.
 */
export function exportAuditEvents(
  user: SignedInUser,
  input: unknown,
  meta: RequestMeta,
  options: CsvExportOptions & { labels?: AuditExportLabels } = {},
): Promise<CsvExportResult> {
  const { labels, ...csvOptions } = options;
  return exportFilteredCsv(user, input, meta, csvOptions, {
    action: "audit.export",
    filterSchema: auditEventExportFilterSchema,
    objectType: "audit_event",
    query: (organisationId, filter) => auditEventsExportQuery(organisationId, filter, labels),
    header: AUDIT_EVENT_EXPORT_COLUMNS,
    filenameStem: "audit-events",
  });
}
