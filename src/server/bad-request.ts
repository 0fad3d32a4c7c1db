// The answer proxy.ts gives to a request it refuses before the app sees it (a tampered server
// action post): 400 as a self-contained page for browsers, JSON otherwise. It says nothing about
// why, beyond "not as the form sent it", so it teaches a prober nothing.

export const BAD_REQUEST_TITLE = "Sorry, there is a problem with what was sent";

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${BAD_REQUEST_TITLE} – InfoShare</title>
</head>
<body>
<header><strong>InfoShare</strong></header>
<main id="main-content">
<h1>${BAD_REQUEST_TITLE}</h1>
<p>The form was not sent as the page made it. Go back, reload the page and try again.</p>
<p>If a child is at immediate risk, do not wait: follow your safeguarding procedures now.</p>
</main>
</body>
</html>
`;

export function badRequestResponse(accept: string | null, fromScript: boolean): Response {
  const headers = { "Cache-Control": "no-store" };
  if (fromScript || (accept !== null && accept.includes("application/json") && !accept.includes("text/html"))) {
    return Response.json({ error: "Bad request" }, { status: 400, headers });
  }
  return new Response(PAGE, { status: 400, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
