import { exportAuditEvents } from "@/server/exports/export-audit-events";
import { routeHandler } from "@/server/pipeline/route";
import { EXPORT_REFUSAL, csvExportHandler } from "../responses";

// CSV of the IG lead's organisation's audit log for a filter, streamed.
// Query: actor, action, objectReference, caseReference, outcome, from, to (YYYY-MM-DD, UK days), all optional.
export const GET = routeHandler("audit.export", csvExportHandler(exportAuditEvents), EXPORT_REFUSAL);
