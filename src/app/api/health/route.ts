import { checkHealth } from "@/server/check-health";
import { clientAddress } from "@/server/request-context";
import { healthDetailAllowed } from "@/server/health-access";

export const dynamic = "force-dynamic";

// Up or down for anyone (load balancers); the detail (migrations, latency, uptime) only for the
// addresses in HEALTH_DETAIL_ADDRESSES (default: this machine), issue 12.
export async function GET(request: Request) {
  const health = await checkHealth();
  const status = health.status === "ok" ? 200 : 503;
  const headers = { "Cache-Control": "no-store" };
  if (healthDetailAllowed(clientAddress(request.headers.get("x-forwarded-for")))) return Response.json(health, { status, headers });
  return Response.json({ status: health.status === "ok" ? "up" : "down" }, { status, headers });
}
