import { checkHealth } from "@/server/check-health";
import { routeHandler } from "@/server/pipeline/route";

export const dynamic = "force-dynamic";

export const GET = routeHandler("public", async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
