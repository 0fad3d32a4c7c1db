import "server-only";
import { intervalFromEnv, startBackgroundTimer } from "@/server/infra/background-timer";
import { mailConfigured } from "@/server/infra/mail";
import { logger } from "@/server/infra/logger";
import { deliverDueEmail } from "./email-outbox";

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Sends queued email from the app process (decision 019), started by instrumentation.ts like the
 * checkpoint timer. Every instance runs one; SKIP LOCKED shares the rows out. Does nothing without
 * SMTP_URL (the rows wait). EMAIL_OUTBOX_INTERVAL_MS (200 to 60,000) changes the pace (tests).
 */
export function startEmailOutboxSender(): void {
  startBackgroundTimer("infoshare.emailOutboxSender", () =>
    mailConfigured()
      ? {
          intervalMs: intervalFromEnv("EMAIL_OUTBOX_INTERVAL_MS", DEFAULT_INTERVAL_MS, 200, 60_000),
          run: async () => {
            const report = await deliverDueEmail();
            if (report.sent + report.failed > 0) logger().info(report, "email outbox delivered");
            if (report.failed > 0) logger().warn({ failed: report.failed }, "email delivery failed; will retry");
          },
          failed: (error) => logger().error({ err: error }, "email outbox unavailable; retrying every tick"),
        }
      : null,
  );
}
