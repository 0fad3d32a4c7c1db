import "server-only";
import { mailConfigured } from "@/server/infra/mail";
import { logger } from "@/server/infra/logger";
import { deliverDueEmail } from "./email-outbox";

const STARTED = Symbol.for("infoshare.emailOutboxSender");
const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Sends queued email from the app process (decision 019), started by instrumentation.ts like the
 * checkpoint timer. Every instance runs one; SKIP LOCKED shares the rows out. Does nothing without
 * SMTP_URL (the rows wait). EMAIL_OUTBOX_INTERVAL_MS (200 to 60,000) changes the pace (tests).
 */
export function startEmailOutboxSender(): void {
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED] || !mailConfigured()) return;
  holder[STARTED] = true;
  const requested = Number(process.env.EMAIL_OUTBOX_INTERVAL_MS ?? DEFAULT_INTERVAL_MS);
  const interval = Number.isFinite(requested) ? Math.min(Math.max(requested, 200), 60_000) : DEFAULT_INTERVAL_MS;
  let running = false;
  let failing = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await deliverDueEmail();
      if (report.sent + report.failed > 0) logger().info(report, "email outbox delivered");
      if (report.failed > 0) logger().warn({ failed: report.failed }, "email delivery failed; will retry");
      failing = false;
    } catch (error) {
      if (!failing) logger().error({ err: error }, "email outbox unavailable; retrying every tick");
      failing = true;
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), interval).unref();
}
