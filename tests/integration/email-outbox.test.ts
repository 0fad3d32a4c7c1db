// Email through the outbox (decision 019), against the run's real local SMTP server: notifications
// queue email in the same transaction as the change, the sender delivers each row once even with
// several senders at once, retries with backoff after a failure, and no message carries anything
// about the child or the decision but a link.
import { describe, expect, inject, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { db } from "@/server/infra/db";
import { deliverDueEmail, queueEmail } from "@/server/mail/email-outbox";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { reviewDecision } from "@/server/reviews/review-decision";
import { emailsTo } from "../../scripts/lib/mailbox";
import { CHALLENGE, TEST_META, actorFor, recordThroughWizard, withSuperuser } from "./support";

const BASE = "http://infoshare.test";
const mailFolder = () => inject("mailFolder");

async function deliverAll(): Promise<void> {
  // Rows other files queued are delivered too (one mailbox per run); each test reads its own address.
  for (let round = 0; round < 10; round += 1) {
    const report = await deliverDueEmail(undefined, BASE);
    if (report.sent + report.failed === 0) return;
  }
}

describe("notification email", () => {
  it("tells the team's supervisor a decision needs review, with a link and nothing about the child", async () => {
    const caseReference = `CASE-MAIL-${Date.now()}`;
    const answers = consentGivenShareAnswers();
    const reference = await recordThroughWizard("sam.patel@northshire.example", answers, caseReference);
    const queued = await db().emailOutbox.findMany({ where: { linkPath: `/review/${reference}` } });
    expect(queued.map((row) => [row.template, row.toAddress])).toEqual([
      ["REVIEW_REQUESTED", "alex.morgan@northshire.example"],
    ]);

    await deliverAll();
    const received = (await emailsTo(mailFolder(), "alex.morgan@northshire.example")).filter((m) =>
      m.text.includes(reference),
    );
    expect(received).toHaveLength(1);
    const [email] = received;
    expect(email!.subject).toBe("InfoShare: A decision needs your review");
    expect(email!.links).toEqual([`${BASE}/review/${reference}`]);
    expect(email!.text.startsWith("A decision needs your review:")).toBe(true);
    // Nothing recorded about the child or the case reaches the message.
    const recorded = JSON.stringify(answers);
    for (const text of [
      caseReference,
      "Sam Patel",
      ...(recorded.match(/"[^"]{12,}"/g) ?? []).map((s) => s.slice(1, -1)),
    ]) {
      expect(email!.text).not.toContain(text);
      expect(email!.subject).not.toContain(text);
    }
    // Once sent, the row no longer holds the link.
    const sent = await db().emailOutbox.findUniqueOrThrow({ where: { id: queued[0]!.id } });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.linkPath).toBeNull();
  });

  it("tells the practitioner of a challenge, the supervisor of the reply, and the leads of an escalation", async () => {
    const [sam, alex, priya] = ["sam.patel", "alex.morgan", "priya.shah"].map((name) => `${name}@northshire.example`);
    const caseReference = `CASE-MAIL-CHALLENGE-${Date.now()}`;
    const reference = await recordThroughWizard(sam!, consentGivenShareAnswers(), caseReference);
    expect(await reviewDecision(await actorFor(alex!), reference, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    const reply = { comment: "The requester's safeguarding purpose was checked with the DSL first." };
    expect(await replyToReview(await actorFor(sam!), reference, reply, TEST_META)).toEqual({ ok: true });
    const reason = { reason: "The police disagree with how little was shared and want the full records." };
    expect((await raiseEscalation(await actorFor(sam!), reference, reason, TEST_META)).ok).toBe(true);

    await deliverAll();
    // This decision's messages to one person, by subject and link (other files share the mailbox).
    const received = async (to: string) =>
      (await emailsTo(mailFolder(), to))
        .filter((m) => m.text.includes(reference) || m.links.some((link) => link.endsWith("/escalations")))
        .map((m) => ({ subject: m.subject, links: m.links, text: m.text }));
    expect((await received(sam!)).map((m) => [m.subject, m.links])).toContainEqual([
      "InfoShare: A decision of yours has been challenged",
      [`${BASE}/decisions/${reference}`],
    ]);
    expect((await received(alex!)).map((m) => [m.subject, m.links])).toEqual(
      expect.arrayContaining([
        ["InfoShare: A reply to your challenge", [`${BASE}/review/${reference}`]],
        ["InfoShare: A decision has been escalated", [`${BASE}/escalations`]],
      ]),
    );
    expect((await received(priya!)).map((m) => m.subject)).toContain("InfoShare: A decision has been escalated");
    for (const to of [sam!, alex!, priya!]) {
      for (const message of await received(to)) {
        for (const text of [caseReference, CHALLENGE.comment, reply.comment, reason.reason, "Sam Patel"]) {
          expect(message.text).not.toContain(text);
          expect(message.subject).not.toContain(text);
        }
      }
    }
  });

  it("is not queued when the change rolls back", async () => {
    const to = `rollback-${Date.now()}@example.test`;
    await expect(
      db().$transaction(async (tx) => {
        await queueEmail(tx, { template: "PASSWORD_RESET", to, linkPath: "/password-reset/x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().emailOutbox.count({ where: { toAddress: to } })).toBe(0);
  });
});

describe("the outbox sender", () => {
  it("delivers each row exactly once when several senders run at once (SKIP LOCKED)", async () => {
    const to = `parallel-${Date.now()}@example.test`;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 30; i += 1)
        await queueEmail(tx, { template: "INVITATION", to, linkPath: `/invitation/t${i}` });
    });
    const delivered: string[] = [];
    const send = async (message: { to: string; text: string }) => {
      if (message.to === to) delivered.push(message.text);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([deliverDueEmail(send, BASE), deliverDueEmail(send, BASE), deliverDueEmail(send, BASE)]);
    }
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered).size).toBe(30);
    expect(await db().emailOutbox.count({ where: { toAddress: to, sentAt: null } })).toBe(0);
  });

  it("keeps a failed message, backs off, and sends it on a later attempt", async () => {
    const to = `retry-${Date.now()}@example.test`;
    await db().$transaction((tx) => queueEmail(tx, { template: "PASSWORD_RESET", to, linkPath: "/password-reset/r" }));
    const failing = async (message: { to: string }) => {
      if (message.to === to) throw new Error("421 try again later");
    };
    await deliverDueEmail(failing, BASE);
    const failed = await db().emailOutbox.findFirstOrThrow({ where: { toAddress: to } });
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("421");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(failed.linkPath).toBe("/password-reset/r");

    // Not retried before its time; retried (through the real SMTP server) once the backoff has passed.
    await deliverAll();
    expect(await emailsTo(mailFolder(), to)).toHaveLength(0);
    await withSuperuser((c) => c.query("UPDATE email_outbox SET next_attempt_at = now() WHERE to_address = $1", [to]));
    await deliverAll();
    const received = await emailsTo(mailFolder(), to);
    expect(received.map((m) => m.links)).toEqual([[`${BASE}/password-reset/r`]]);
    expect((await db().emailOutbox.findFirstOrThrow({ where: { toAddress: to } })).attempts).toBe(2);
  });
});
