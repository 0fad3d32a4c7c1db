import { env } from "@/server/infra/env";
import { routeHandler } from "@/server/pipeline/route";

// proxy.ts has already re-issued the cookie by the time this runs; this confirms the session is
// still good (the pipeline answers 401 when it is not) and tells the timeout warning how long it now has.
export const POST = routeHandler("signed-in", () =>
  Response.json({ idleSeconds: env().SESSION_IDLE_MINUTES * 60 }, { headers: { "Cache-Control": "no-store" } }),
);
