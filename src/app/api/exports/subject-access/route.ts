import { queryToInput } from "@/schemas/export-filters";
import { exportSubjectAccess } from "@/server/exports/export-subject-access";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { EXPORT_FAILURE_TITLES, EXPORT_REFUSAL, attachment } from "../responses";

// Everything held for one case reference, as one JSON or CSV download, audited as a disclosure.
// Query: caseReference (required), format=json|csv (default json). A case with no records downloads
// nothing: 303 to the subject access page, which says no records were found.
export const GET = routeHandler(
  "subject-access.export",
  async ({ user, meta, request }) => {
    const result = await exportSubjectAccess(user, queryToInput(new URL(request.url).searchParams), meta);
    if (!result.ok) return failureResponse(result, EXPORT_FAILURE_TITLES);
    if (!result.found) {
      // Nothing to download: back to the form, which says so (a GET form, so this works without JavaScript).
      const page = new URL("/subject-access", request.url);
      page.searchParams.set("notFound", result.caseReference);
      return new Response(null, { status: 303, headers: { Location: `${page.pathname}${page.search}` } });
    }
    return attachment(result.body, result.filename, result.contentType);
  },
  EXPORT_REFUSAL,
);
