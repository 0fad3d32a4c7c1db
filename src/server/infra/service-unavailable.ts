// The answer proxy.ts gives while the database is unreachable: 503 with Retry-After, as a
// self-contained GOV.UK-style page ("Sorry, the service is unavailable") for browsers and as JSON
// for the API. Self-contained because nothing that needs the database (the layout reads the
// session) can render; no stylesheet link either, so the page cannot half-load.

export const RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_TITLE = "Sorry, the service is unavailable";
export const ANSWERS_SAVED_TEXT =
  "Your answers are saved. Everything you saved before this page appeared is kept, " +
  "and you can carry on from where you left off.";

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${SERVICE_UNAVAILABLE_TITLE} – InfoShare</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;
color:#0b0c0c;background:#fff;line-height:1.5}
header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:700;font-size:1.2rem;
border-bottom:10px solid #1d70b8}
main{max-width:640px;margin:0 auto;padding:30px 15px 60px}
h1{font-size:2rem;line-height:1.1;margin:0 0 30px}
p{font-size:1.1875rem;margin:0 0 20px}
.warning{font-weight:700;border-left:5px solid #d4351c;padding-left:15px}
</style>
</head>
<body>
<header>InfoShare</header>
<main id="main-content">
<h1>${SERVICE_UNAVAILABLE_TITLE}</h1>
<p>InfoShare cannot reach its database at the moment. Try again in a few minutes.</p>
<p>${ANSWERS_SAVED_TEXT}</p>
<p class="warning">If a child is at immediate risk, do not wait: follow your safeguarding procedures now.</p>
</main>
</body>
</html>
`;

function wantsJson(pathname: string, accept: string | null): boolean {
  return (
    pathname.startsWith("/api/") ||
    (accept !== null && accept.includes("application/json") && !accept.includes("text/html"))
  );
}

export function serviceUnavailableResponse(pathname: string, accept: string | null): Response {
  const headers = { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (wantsJson(pathname, accept)) {
    return Response.json(
      { error: `${SERVICE_UNAVAILABLE_TITLE}. Try again in a few minutes.` },
      { status: 503, headers },
    );
  }
  return new Response(PAGE, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
