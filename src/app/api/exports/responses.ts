import type { FieldErrors } from "@/server/field-errors";

// Shared by the export route handlers: they answer in JSON when refused and with an attachment
// when allowed. Not a route (only route.ts files are).

export function signInRequired(): Response {
  return Response.json({ error: "Sign in to use this API" }, { status: 401 });
}

const ERROR_TITLES = {
  400: "The export filter is not valid",
  403: "You do not have permission to make this export",
  503: "The export could not start",
} as const;

export function exportRefused(status: keyof typeof ERROR_TITLES, errors: FieldErrors): Response {
  return Response.json({ error: ERROR_TITLES[status], errors }, { status, headers: status === 503 ? { "Retry-After": "60" } : {} });
}

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
