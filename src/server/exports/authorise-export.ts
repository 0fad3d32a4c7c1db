import "server-only";
import { type Actor, can } from "@/domain/policy";
import { auditEntry, recordAuditEvent } from "../audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";

/** The audit action of each export; also the `attempted` action when one is refused. */
export type ExportAction = "audit.export" | "decisions.export" | "subject-access.export";

/** Whether the actor may make this export of their own organisation's data: each is a permission of its own. */
export function mayExport(actor: Actor, action: ExportAction): boolean {
  return can(actor, action);
}

/** Refused access is audited like any other (issue 5): no filter values, only what was tried. */
export async function auditExportDenied(actor: Actor, action: ExportAction, meta: RequestMeta): Promise<void> {
  await recordAuditEvent(auditEntry(actor, meta, { action: "access.denied", outcome: "DENIED", detail: { attempted: action } }));
}

/** A file-name-safe UTC timestamp, e.g. 2026-11-21T104600Z. */
export function exportTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "");
}
