// Fires the due request timers with the app's own background code (drainDueRequestTimers, what each
// tick of the request timer runner does), in a process of its own, as the app's role. Run with
// --conditions=react-server (server modules import "server-only"). Reads a TimerSpec from the JSON
// file named by argv[2]; prints one JSON line.
import { readFileSync } from "node:fs";

export interface TimerSpec {
  databaseUrl: string;
}

export interface TimerResult {
  fired: number;
  closed: number;
  seconds: number;
  /** This process's CPU time (user + system) per timer: hardly depends on the machine's other load. */
  cpuMsPerTimer: number | null;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as TimerSpec;
  process.env.DATABASE_URL = spec.databaseUrl;
  // The environment check asks for one; no session is signed here.
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
  const { drainDueRequestTimers } = await import("@/server/requests/request-timer-runner");
  const { db } = await import("@/server/infra/db");
  await db().$queryRaw`SELECT 1`;
  const cpuFrom = process.cpuUsage();
  const started = performance.now();
  const report = await drainDueRequestTimers(new Date());
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuFrom);
  const count = report.fired + report.closed;
  const result: TimerResult = {
    ...report,
    seconds,
    cpuMsPerTimer: count > 0 ? (cpu.user + cpu.system) / 1000 / count : null,
  };
  await db().$disconnect();
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
