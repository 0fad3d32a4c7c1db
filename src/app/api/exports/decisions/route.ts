import { exportDecisions } from "@/server/exports/export-decisions";
import { routeHandler } from "@/server/pipeline/route";
import { EXPORT_REFUSAL, csvExportHandler } from "../responses";

// CSV of the IG lead's organisation's decisions for a filter, streamed.
// Query: outcome, flag, caseReference, from, to (decision dates, YYYY-MM-DD), all optional.
export const GET = routeHandler("decisions.export", csvExportHandler(exportDecisions), EXPORT_REFUSAL);
