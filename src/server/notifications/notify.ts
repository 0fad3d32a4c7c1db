import "server-only";
import type { Tx } from "@/server/infra/db";

export const NOTIFICATION_KINDS = [
  "REVIEW_REQUESTED",
  "DECISION_CHALLENGED",
  "DECISION_ENDORSED",
  "REPLY_RECEIVED",
  "ESCALATION_RAISED",
  "ESCALATION_RESOLVED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationMessage {
  recipientIds: readonly string[];
  kind: NotificationKind;
  decisionReference?: string;
  escalationId?: string;
}

/**
 * Where notifications go. In-app is the only channel today; an email channel would be a second
 * implementation that writes to an outbox table in the same transaction and is sent after commit,
 * so that a rolled-back decision never emails anyone.
 */
export interface NotificationChannel {
  deliver(tx: Tx, message: NotificationMessage): Promise<void>;
}

const inAppChannel: NotificationChannel = {
  async deliver(tx, message) {
    const recipients = [...new Set(message.recipientIds)];
    if (recipients.length === 0) return;
    await tx.notification.createMany({
      data: recipients.map((userId) => ({
        userId,
        kind: message.kind,
        decisionReference: message.decisionReference ?? null,
        escalationId: message.escalationId ?? null,
      })),
    });
  },
};

const channels: NotificationChannel[] = [inAppChannel];

export async function notify(tx: Tx, message: NotificationMessage): Promise<void> {
  for (const channel of channels) await channel.deliver(tx, message);
}

/** Active supervisors of a team, except the people named (they caused the event). */
export async function teamSupervisorIds(tx: Tx, teamId: string | null, except: readonly string[] = []): Promise<string[]> {
  if (!teamId) return [];
  const supervisors = await tx.user.findMany({
    where: { teamId, role: "SUPERVISOR", disabledAt: null, id: { notIn: [...except] } },
    select: { id: true },
  });
  return supervisors.map((s) => s.id);
}

export async function organisationIgLeadIds(tx: Tx, organisationId: string, except: readonly string[] = []): Promise<string[]> {
  const leads = await tx.user.findMany({
    where: { organisationId, role: "IG_LEAD", disabledAt: null, id: { notIn: [...except] } },
    select: { id: true },
  });
  return leads.map((l) => l.id);
}
