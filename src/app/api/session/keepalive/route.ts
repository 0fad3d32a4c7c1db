import { currentSession } from "@/server/auth/current-actor";
import { env } from "@/server/infra/env";

// proxy.ts has already re-issued the cookie by the time this runs; this confirms the session is
// still good and tells the timeout warning how long it now has.
export async function POST() {
  const session = await currentSession();
  if (session.status !== "signed-in") return Response.json({ error: "Session ended" }, { status: 401 });
  return Response.json({ idleSeconds: env().SESSION_IDLE_MINUTES * 60 }, { headers: { "Cache-Control": "no-store" } });
}
