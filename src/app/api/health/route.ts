import { checkHealth } from "@/server/check-health";
import { healthDetailAllowed } from "@/server/health-access";
import { routeHandler } from "@/server/pipeline/route";

export const dynamic = "force-dynamic";

// Up or down for anyone (load balancers); the detail (migrations, latency, uptime) only for the
// addresses in HEALTH_DETAIL_ADDRESSES (default: this machine), issue 12. The address is the
// pipeline's, taken through the configured trusted proxy hops only.
export const GET = routeHandler("public", async ({ meta }) => {
  const health = await checkHealth();
  const status = health.status === "ok" ? 200 : 503;
  const headers = { "Cache-Control": "no-store" };
  if (healthDetailAllowed(meta.ip)) return Response.json(health, { status, headers });
  return Response.json({ status: health.status === "ok" ? "up" : "down" }, { status, headers });
});
