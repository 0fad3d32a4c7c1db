import "server-only";
import { intervalFromEnv, startBackgroundTimer } from "@/server/infra/background-timer";
import { logger } from "@/server/infra/logger";
import { type Db, db } from "@/server/infra/db";
import { TIMER_BATCH, type TimerReport, fireDueRequestTimers } from "./fire-request-timers";

const DEFAULT_INTERVAL_MS = 30_000;

/**
 * One tick's work: batches of due timers until a batch comes back short, so a backlog (10,000 due
 * at once after an outage or a holiday weekend) drains in one tick instead of one batch per interval.
 */
export async function drainDueRequestTimers(now: Date = new Date(), client: Db = db()): Promise<TimerReport> {
  const total: TimerReport = { fired: 0, closed: 0 };
  for (;;) {
    const report = await fireDueRequestTimers(now, client);
    total.fired += report.fired;
    total.closed += report.closed;
    if (report.fired + report.closed < TIMER_BATCH) return total;
  }
}

/**
 * Runs the request clocks in the app process (decision 028), started by instrumentation.ts like the
 * email outbox sender: every instance ticks; SKIP LOCKED shares the timers out, and the timers are
 * rows, so a restart loses nothing. REQUEST_TIMER_INTERVAL_MS (200 to 300,000) changes the pace.
 */
export function startRequestTimerRunner(): void {
  startBackgroundTimer("infoshare.requestTimerRunner", () => ({
    intervalMs: intervalFromEnv("REQUEST_TIMER_INTERVAL_MS", DEFAULT_INTERVAL_MS, 200, 300_000),
    run: async () => {
      const report = await drainDueRequestTimers();
      if (report.fired + report.closed > 0) logger().info(report, "request timers fired");
    },
    failed: (error) => logger().error({ err: error }, "request timers unavailable; retrying every tick"),
  }));
}
