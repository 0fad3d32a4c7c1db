import "server-only";
import { type AuditEventExportFilter, auditEventExportFilterSchema } from "@/schemas/export-filters";
import type { SignedInUser } from "../auth/current-actor";
import type { RequestMeta } from "@/server/infra/request-context";
import { type CsvExportOptions, type CsvExportResult, exportFilteredCsv } from "./start-csv-export";
import type { CursorQuery } from "./stream-cursor-as-csv";

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
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The organisation's chain in chain order, filtered. The chain key is the organisation's id, so
 * the (chain_key, chain_seq) index yields the rows in order without a sort. Dates are UK calendar
 * days, both inclusive. Every value is a bind parameter; every column is text.
 */
export function auditEventsExportQuery(organisationId: string, filter: AuditEventExportFilter): CursorQuery {
  const values: unknown[] = [organisationId];
  const where = ["e.chain_key = $1::text", "e.organisation_id = $1::uuid"];
  const param = (value: unknown) => `$${values.push(value)}`;
  if (filter.actor) where.push(`e.actor_id = ${param(filter.actor)}::uuid`);
  if (filter.action) where.push(`e.action = ${param(filter.action)}`);
  if (filter.objectReference) where.push(`e.object_id = ${param(filter.objectReference)}`);
  if (filter.caseReference) where.push(`lower(e.case_reference) = lower(${param(filter.caseReference)})`);
  if (filter.outcome) where.push(`e.outcome = ${param(filter.outcome)}::"AuditOutcome"`);
  if (filter.from) where.push(`e.at >= (${param(filter.from)}::date::timestamp AT TIME ZONE 'Europe/London')`);
  if (filter.to) where.push(`e.at < ((${param(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`);
  return {
    text: `SELECT e.id::text, e.chain_seq::text, to_char(e.at AT TIME ZONE 'UTC', ${ISO_UTC}), e.actor_id::text, u.name,
                  e.actor_role::text, e.action, e.object_type, e.object_id, e.case_reference, e.outcome::text, e.request_id,
                  e.ip, e.detail::text, e.prev_hash, e.hash
             FROM audit_event e
             LEFT JOIN app_user u ON u.id = e.actor_id
            WHERE ${where.join(" AND ")}
            ORDER BY e.chain_seq`,
    values,
  };
}

/** The IG lead's CSV export of their organisation's audit log for a filter, streamed in constant memory and audited as `audit.export` before the first row is sent. */
export function exportAuditEvents(user: SignedInUser, input: unknown, meta: RequestMeta, options: CsvExportOptions = {}): Promise<CsvExportResult> {
  return exportFilteredCsv(user, input, meta, options, {
    action: "audit.export",
    filterSchema: auditEventExportFilterSchema,
    objectType: "audit_event",
    query: auditEventsExportQuery,
    header: AUDIT_EVENT_EXPORT_COLUMNS,
    filenameStem: "audit-events",
  });
}
