import "server-only";

/** The audit action of each export; also the `attempted` action when one is refused (by the route's pipeline). */
export type ExportAction = "audit.export" | "decisions.export" | "subject-access.export";

/** A file-name-safe UTC timestamp, e.g. 2026-11-21T104600Z. */
export function exportTimestamp(now: Date = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "");
}
