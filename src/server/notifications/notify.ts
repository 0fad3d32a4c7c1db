import "server-only";
import type { Tx } from "@/server/infra/db";

export const NOTIFICATION_KINDS = [
  "REVIEW_REQUESTED",
  "DECISION_CHALLENGED",
  "DECISION_ENDORSED",
  "REPLY_RECEIVED",
  "ESCALATION_RAISED",
  "ESCALATION_RESOLVED",
  // Issue 14: a partner's request reached the contact team; the contact team answered it.
  "REQUEST_RECEIVED",
  "REQUEST_ANSWERED",
  // Its clocks: due soon (to whoever has it), overdue (to the contact team's supervisors).
  "REQUEST_DUE_SOON",
  "REQUEST_OVERDUE",
  // Decision 030: a request reached the lead safeguarding partners; they decided (to both parties).
  "REQUEST_ESCALATED",
  "REQUEST_ESCALATION_DECIDED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationMessage {
  recipientIds: readonly string[];
  kind: NotificationKind;
  decisionReference?: string;
  escalationId?: string;
}

/**
 * The one way to notify people, whatever triggered it (decision 012): the database function
 * notify_users writes one row per distinct recipient in the caller's transaction. recordDecision
 * calls the same function from record_decision, so there is one writer. A second channel (email)
 * is added inside notify_users, as an outbox row that a job sends after commit, and so reaches
 * every trigger at once without a change here.
 */
export async function notify(tx: Tx, message: NotificationMessage): Promise<void> {
  if (message.recipientIds.length === 0) return;
  await tx.$queryRaw`
    SELECT notify_users(${message.kind}, ${[...message.recipientIds]}::uuid[], ${message.decisionReference ?? null},
                        ${message.escalationId ?? null}::uuid)`;
}

/** Active supervisors of a team, except the people named (they caused the event). */
export async function teamSupervisorIds(
  tx: Tx,
  teamId: string | null,
  except: readonly string[] = [],
): Promise<string[]> {
  if (!teamId) return [];
  const rows = await tx.$queryRaw<{ ids: string[] }[]>`
    SELECT team_supervisor_ids(${teamId}::uuid, ${[...except]}::uuid[]) AS ids`;
  return rows[0]?.ids ?? [];
}

/** Active IG leads of an organisation, except the people named. */
export async function organisationIgLeadIds(
  tx: Tx,
  organisationId: string,
  except: readonly string[] = [],
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ ids: string[] }[]>`
    SELECT organisation_ig_lead_ids(${organisationId}::uuid, ${[...except]}::uuid[]) AS ids`;
  return rows[0]?.ids ?? [];
}
