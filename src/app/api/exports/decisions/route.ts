import { queryToInput } from "@/schemas/export-filters";
import { exportDecisions } from "@/server/exports/export-decisions";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { EXPORT_FAILURE_TITLES, EXPORT_REFUSAL, attachment } from "../responses";

// CSV of the IG lead's organisation's decisions for a filter, streamed.
// Query: outcome, flag, caseReference, from, to (decision dates, YYYY-MM-DD), all optional.
export const GET = routeHandler(
  "decisions.export",
  async ({ user, meta, request }) => {
    const result = await exportDecisions(user, queryToInput(new URL(request.url).searchParams), meta);
    if (!result.ok) return failureResponse(result, EXPORT_FAILURE_TITLES);
    return attachment(result.stream, result.filename, "text/csv; charset=utf-8");
  },
  EXPORT_REFUSAL,
);
