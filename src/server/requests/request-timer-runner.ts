import "server-only";
import { intervalFromEnv, startBackgroundTimer } from "@/server/infra/background-timer";
import { logger } from "@/server/infra/logger";
import { fireDueRequestTimers } from "./fire-request-timers";

const DEFAULT_INTERVAL_MS = 30_000;

/**
 * Runs the request clocks in the app process (decision 028), started by instrumentation.ts like the
 * email outbox sender: every instance ticks; SKIP LOCKED shares the timers out, and the timers are
 * rows, so a restart loses nothing. REQUEST_TIMER_INTERVAL_MS (200 to 300,000) changes the pace.
 */
export function startRequestTimerRunner(): void {
  startBackgroundTimer("infoshare.requestTimerRunner", () => ({
    intervalMs: intervalFromEnv("REQUEST_TIMER_INTERVAL_MS", DEFAULT_INTERVAL_MS, 200, 300_000),
    run: async () => {
      const report = await fireDueRequestTimers();
      if (report.fired + report.closed > 0) logger().info(report, "request timers fired");
    },
    failed: (error) => logger().error({ err: error }, "request timers unavailable; retrying every tick"),
  }));
}
