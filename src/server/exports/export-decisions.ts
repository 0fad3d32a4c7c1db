import "server-only";
import { type DecisionExportFilter, decisionExportFilterSchema } from "@/schemas/export-filters";
import type { SignedInUser } from "../auth/current-actor";
import type { RequestMeta } from "@/server/infra/request-context";
import { type CsvExportOptions, type CsvExportResult, exportFilteredCsv } from "./start-csv-export";
import { Prisma } from "@/generated/prisma/client";
import { type CursorQuery, cursorQuery } from "./stream-cursor-as-csv";

/**
 * The reporting columns of each decision, the practitioner's name, and from the record only the
 * purpose, rationale and recipient: not the whole record (its answers belong in a subject access
 * download, one case at a time). Lists are joined with ";".
 */
export const DECISION_EXPORT_COLUMNS = [
  "reference",
  "kind",
  "supersedes_reference",
  "organisation_id",
  "team_id",
  "team_name",
  "author_id",
  "practitioner_name",
  "case_reference",
  "urgency",
  "origin",
  "indication",
  "outcome",
  "departs_from_indication",
  "review_flags",
  "consent_status",
  "lawful_basis_ids",
  "guidance_version",
  "decision_date",
  "recorded_at",
  "review_due_at",
  "retain_until",
  "purpose",
  "rationale",
  "recipient_name",
  "recipient_role",
  "recipient_organisation",
] as const;

const ISO_UTC = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * The organisation's decisions in the order they were recorded, filtered. Dates are the decision
 * date the practitioner gave (a UK calendar day already), both inclusive. Every value is a bind
 * parameter; every column is text.
 */
export function decisionsExportQuery(organisationId: string, filter: DecisionExportFilter): CursorQuery {
  const where = [Prisma.sql`d.organisation_id = ${organisationId}::uuid`];
  if (filter.outcome) where.push(Prisma.sql`d.outcome = ${filter.outcome}::"DecisionOutcome"`);
  if (filter.flag) where.push(Prisma.sql`${filter.flag}::text = ANY (d.review_flags)`);
  if (filter.caseReference) where.push(Prisma.sql`lower(d.case_reference) = lower(${filter.caseReference})`);
  if (filter.from) where.push(Prisma.sql`d.decision_date >= ${filter.from}::date`);
  if (filter.to) where.push(Prisma.sql`d.decision_date <= ${filter.to}::date`);
  return cursorQuery(Prisma.sql`
    SELECT d.reference, d.kind::text, s.reference, d.organisation_id::text, d.team_id::text, t.name, d.author_id::text,
           u.name, d.case_reference, d.urgency, d.origin, d.indication, d.outcome::text,
           d.departs_from_indication::text,
           array_to_string(d.review_flags, ';'), d.consent_status, array_to_string(d.lawful_basis_ids, ';'),
           d.guidance_version, to_char(d.decision_date, 'YYYY-MM-DD'),
           to_char(d.recorded_at AT TIME ZONE 'UTC', ${ISO_UTC}),
           to_char(d.review_due_at AT TIME ZONE 'UTC', ${ISO_UTC}),
           to_char(d.retain_until AT TIME ZONE 'UTC', ${ISO_UTC}),
           d.record ->> 'purpose', d.record ->> 'rationale', d.record #>> '{recipient,name}',
           d.record #>> '{recipient,role}', d.record #>> '{recipient,organisation}'
      FROM decision d
      JOIN app_user u ON u.id = d.author_id
      LEFT JOIN team t ON t.id = d.team_id
      LEFT JOIN decision s ON s.id = d.supersedes_id
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY d.recorded_at, d.id`);
}

/**
 * The IG lead's CSV export of their organisation's decisions for a filter, streamed in constant memory
 * and audited as `decisions.export` before the first row is sent.
 */
export function exportDecisions(
  user: SignedInUser,
  input: unknown,
  meta: RequestMeta,
  options: CsvExportOptions = {},
): Promise<CsvExportResult> {
  return exportFilteredCsv(user, input, meta, options, {
    action: "decisions.export",
    filterSchema: decisionExportFilterSchema,
    objectType: "decision",
    query: decisionsExportQuery,
    header: DECISION_EXPORT_COLUMNS,
    filenameStem: "decisions",
  });
}
