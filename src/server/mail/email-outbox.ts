import "server-only";
import { type EmailTemplate, absoluteLink, isEmailTemplate, renderEmail } from "@/domain/mail/messages";
import { type Tx, db } from "@/server/infra/db";
import { env } from "@/server/infra/env";
import { type OutgoingEmail, sendEmail } from "@/server/infra/mail";

/**
 * The durable email outbox (decision 019). Writers queue a row in their own transaction (so a
 * rolled-back change sends nothing); notify_users queues notification email the same way in SQL.
 * The sender claims due rows with FOR UPDATE SKIP LOCKED, pushing each claimed row's next attempt
 * out by its backoff in the same statement, so no other instance takes it while it is being sent,
 * and a process that dies mid-send leaves it to be retried when the backoff passes (at least once).
 */
export async function queueEmail(tx: Tx, email: { template: EmailTemplate; to: string; linkPath: string }) {
  await tx.emailOutbox.create({ data: { template: email.template, toAddress: email.to, linkPath: email.linkPath } });
}

/** After this many failed attempts a row stays unsent (and visible to operators with its last error). */
export const MAX_ATTEMPTS = 10;
const BATCH = 20;

interface ClaimedEmail {
  id: bigint;
  template: string;
  to_address: string;
  link_path: string | null;
  attempts: number;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

export async function deliverDueEmail(
  send: (message: OutgoingEmail) => Promise<void> = sendEmail,
  baseUrl: string = env().NEXTAUTH_URL ?? "http://localhost:3000",
): Promise<DeliveryReport> {
  // Backoff: 30 s after the first attempt, then 1, 2, 4 … minutes, at most an hour.
  const claimed = await db().$queryRaw<ClaimedEmail[]>`
    UPDATE email_outbox o
       SET attempts = o.attempts + 1,
           next_attempt_at = now() + make_interval(secs => least(3600, 30 * power(2, o.attempts))::int)
      FROM (SELECT id FROM email_outbox
             WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < ${MAX_ATTEMPTS}
             ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
     RETURNING o.id, o.template, o.to_address, o.link_path, o.attempts`;
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const row of claimed.sort((a, b) => Number(a.id - b.id))) {
    try {
      if (!isEmailTemplate(row.template)) throw new Error(`unknown email template ${row.template}`);
      await send({ to: row.to_address, ...renderEmail(row.template, absoluteLink(baseUrl, row.link_path ?? "/")) });
      // The link may carry a one-time token: once sent, it is not kept.
      await db().$executeRaw`
        UPDATE email_outbox SET sent_at = now(), link_path = NULL, last_error = NULL WHERE id = ${row.id}`;
      report.sent += 1;
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await db().$executeRaw`UPDATE email_outbox SET last_error = ${message} WHERE id = ${row.id}`;
      report.failed += 1;
    }
  }
  return report;
}
