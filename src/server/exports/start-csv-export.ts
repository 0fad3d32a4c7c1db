import "server-only";
import type { Actor } from "@/domain/policy";
import { describeFilter } from "@/schemas/export-filters";
import { auditEntry, recordAuditEvent } from "../audit/append-audit-event";
import type { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { fieldErrorsFrom } from "../field-errors";
import type { RequestMeta } from "@/server/infra/request-context";
import { type ExportAction, exportTimestamp } from "./authorise-export";
import { type CursorQuery, ExportBusyError, streamCursorAsCsv } from "./stream-cursor-as-csv";

export type CsvExportResult = { ok: true; filename: string; stream: ReadableStream<Uint8Array> } | UseCaseFailure;

export interface CsvExportOptions {
  /** Rows per FETCH; the default suits HTTP downloads. */
  batchSize?: number;
}

interface StartCsvExport extends CsvExportOptions {
  actor: Actor;
  meta: RequestMeta;
  action: Extract<ExportAction, "audit.export" | "decisions.export">;
  objectType: string;
  filter: Record<string, string | undefined>;
  caseReference: string | null;
  query: CursorQuery;
  header: readonly string[];
  filenameStem: string;
}

/**
 * Opens the export's cursor, then records the export in the audit log (the row count is not
 * known until the download ends, so the event records the filter), then hands back the stream.
 * Opening first means a failure to read is an error response, not an audited export that never
 * happened; auditing before any row is sent means no export goes unrecorded.
 */
export async function startCsvExport(args: StartCsvExport): Promise<CsvExportResult> {
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await streamCursorAsCsv({ query: args.query, header: args.header, batchSize: args.batchSize });
  } catch (error) {
    if (error instanceof ExportBusyError) {
      return fail.busy("Too many exports are running. Try again in a minute.");
    }
    throw error;
  }
  try {
    await recordAuditEvent(
      auditEntry(args.actor, args.meta, {
        action: args.action,
        outcome: "SUCCESS",
        objectType: args.objectType,
        caseReference: args.caseReference,
        detail: { format: "csv", filter: describeFilter(args.filter) },
      }),
    );
  } catch (error) {
    await stream.cancel();
    throw error;
  }
  return { ok: true, filename: `${args.filenameStem}-${exportTimestamp()}.csv`, stream };
}

interface FilteredCsvExport<Filter extends { caseReference?: string }> {
  action: StartCsvExport["action"];
  filterSchema: z.ZodType<Filter>;
  objectType: string;
  query: (organisationId: string, filter: Filter) => CursorQuery;
  header: readonly string[];
  filenameStem: string;
}

/**
 * An IG lead's CSV export of their organisation's rows for a filter (raw query-string input):
 * validates the filter, then startCsvExport. The route's pipeline has checked the export's
 * permission (each export is a permission of its own) and audited a refusal.
 */
export async function exportFilteredCsv<Filter extends { caseReference?: string }>(
  user: SignedInUser,
  input: unknown,
  meta: RequestMeta,
  options: CsvExportOptions,
  spec: FilteredCsvExport<Filter>,
): Promise<CsvExportResult> {
  const parsed = spec.filterSchema.safeParse(input);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const filter = parsed.data;
  return startCsvExport({
    ...options,
    actor: user,
    meta,
    action: spec.action,
    objectType: spec.objectType,
    filter: filter as Record<string, string | undefined>,
    caseReference: filter.caseReference ?? null,
    query: spec.query(user.organisationId, filter),
    header: spec.header,
    filenameStem: spec.filenameStem,
  });
}
