// The answer proxy.ts gives to a request it refuses before the app sees it (a tampered server
// action post): 400 as a self-contained page for browsers, JSON otherwise. It says nothing about
// why, beyond "not as the form sent it", so it teaches a prober nothing.
import { acceptsJsonOnly, htmlResponse, standalonePage } from "./infra/standalone-page";

export const BAD_REQUEST_TITLE = "Sorry, there is a problem with what was sent";

const PAGE = standalonePage(BAD_REQUEST_TITLE, [
  "The form was not sent as the page made it. Go back, reload the page and try again.",
]);

export function badRequestResponse(accept: string | null, fromScript: boolean): Response {
  const headers = { "Cache-Control": "no-store" };
  if (fromScript || acceptsJsonOnly(accept)) {
    return Response.json({ error: "Bad request" }, { status: 400, headers });
  }
  return htmlResponse(PAGE, 400, headers);
}
