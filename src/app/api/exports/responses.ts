// Shared by the export route handlers: they answer in JSON when refused (the pipeline's
// failureResponse) and with an attachment when allowed. Not a route (only route.ts files are).

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
