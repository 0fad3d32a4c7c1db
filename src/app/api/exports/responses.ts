// Shared by the export route handlers: they answer in JSON when refused (the pipeline's
// failureResponse) and with an attachment when allowed. Not a route (only route.ts files are).
import { queryToInput } from "@/schemas/export-filters";
import type { SignedInUser } from "@/server/auth/current-actor";
import type { CsvExportUseCase } from "@/server/exports/start-csv-export";
import type { RequestMeta } from "@/server/infra/request-context";
import { failureResponse } from "@/server/pipeline/route";

/** How the export routes title a refusal and a failure (the errors say the details). */
export const EXPORT_REFUSAL = { refusal: "You do not have permission to make this export" };
export const EXPORT_FAILURE_TITLES = { invalid: "The export filter is not valid", busy: "The export could not start" };

/** A download. The file name is built by the server from safe characters only. */
export function attachment(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A CSV export route's handler: the export for the query string, as a download or its failure in JSON. */
export function csvExportHandler(exportCsv: CsvExportUseCase) {
  return async ({ user, meta, request }: { user: SignedInUser; meta: RequestMeta; request: Request }) => {
    const result = await exportCsv(user, queryToInput(new URL(request.url).searchParams), meta);
    if (!result.ok) return failureResponse(result, EXPORT_FAILURE_TITLES);
    return attachment(result.stream, result.filename, "text/csv; charset=utf-8");
  };
}
