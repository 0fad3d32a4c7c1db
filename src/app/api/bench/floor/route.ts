import { routeHandler } from "@/server/pipeline/route";

// The framework's floor for `npm run bench` (bench/README.md): a route handler that does nothing
// but answer a small constant. Requests to it pass through proxy.ts like any other (session check,
// cookie renewal), so page figures divided by this one show what the page itself costs. It reads
// nothing and reveals nothing.
export const dynamic = "force-dynamic";

export const GET = routeHandler(
  "public",
  () => new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }),
);
