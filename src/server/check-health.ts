import "server-only";
import { db } from "@/server/infra/db";

export interface Health {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; latencyMs: number | null; migrations: number | null; error?: string };
  uptimeSeconds: number;
  time: string;
}

/** For operators and load balancers; reveals nothing about records or users. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    const rows = await db().$queryRaw<{ applied: bigint }[]>`
      SELECT count(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return {
      status: "ok",
      database: {
        status: "up",
        latencyMs: Math.round(performance.now() - started),
        migrations: Number(rows[0]?.applied ?? 0),
      },
      uptimeSeconds: Math.round(process.uptime()),
      time: new Date().toISOString(),
    };
  } catch {
    return {
      status: "degraded",
      database: { status: "down", latencyMs: null, migrations: null, error: "Database unreachable" },
      uptimeSeconds: Math.round(process.uptime()),
      time: new Date().toISOString(),
    };
  }
}
