// The self-contained pages proxy.ts answers with before the app can render (the database is down, a
// post was tampered with): GOV.UK-style, with their styles inline and no stylesheet link, so the
// page cannot half-load, and always ending with the safeguarding warning.

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;
color:#0b0c0c;background:#fff;line-height:1.5}
header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:700;font-size:1.2rem;
border-bottom:10px solid #1d70b8}
main{max-width:640px;margin:0 auto;padding:30px 15px 60px}
h1{font-size:2rem;line-height:1.1;margin:0 0 30px}
p{font-size:1.1875rem;margin:0 0 20px}
.warning{font-weight:700;border-left:5px solid #d4351c;padding-left:15px}`;

/** A whole HTML page: `title` as its title and heading, then each of `paragraphs`, then the warning. */
export function standalonePage(title: string, paragraphs: string[]): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} – InfoShare</title>
<style>
${STYLE}
</style>
</head>
<body>
<header>InfoShare</header>
<main id="main-content">
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
<p class="warning">If a child is at immediate risk, do not wait: follow your safeguarding procedures now.</p>
</main>
</body>
</html>
`;
}

/** Whether the client asked for JSON rather than a page. */
export function acceptsJsonOnly(accept: string | null): boolean {
  return accept !== null && accept.includes("application/json") && !accept.includes("text/html");
}

/** `page` as an HTML response with `status`, adding `headers`. */
export function htmlResponse(page: string, status: number, headers: Record<string, string>): Response {
  return new Response(page, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
