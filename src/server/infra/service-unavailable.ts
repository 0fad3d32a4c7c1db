// The answer proxy.ts gives while the database is unreachable: 503 with Retry-After, as a
// self-contained GOV.UK-style page ("Sorry, the service is unavailable") for browsers and as JSON
// for the API. Self-contained because nothing that needs the database (the layout reads the
// session) can render.
import { acceptsJsonOnly, htmlResponse, standalonePage } from "./standalone-page";

export const RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_TITLE = "Sorry, the service is unavailable";
export const ANSWERS_SAVED_TEXT =
  "Your answers are saved. Everything you saved before this page appeared is kept, " +
  "and you can carry on from where you left off.";

const PAGE = standalonePage(SERVICE_UNAVAILABLE_TITLE, [
  "InfoShare cannot reach its database at the moment. Try again in a few minutes.",
  ANSWERS_SAVED_TEXT,
]);

function wantsJson(pathname: string, accept: string | null): boolean {
  return pathname.startsWith("/api/") || acceptsJsonOnly(accept);
}

export function serviceUnavailableResponse(pathname: string, accept: string | null): Response {
  const headers = { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (wantsJson(pathname, accept)) {
    return Response.json(
      { error: `${SERVICE_UNAVAILABLE_TITLE}. Try again in a few minutes.` },
      { status: 503, headers },
    );
  }
  return htmlResponse(PAGE, 503, headers);
}
