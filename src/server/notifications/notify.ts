import "server-only";
import type { NotificationKind } from "@/domain/mail/messages";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/infra/db";

export { NOTIFICATION_KINDS, type NotificationKind } from "@/domain/mail/messages";

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
  await notifyEach(tx, [message]);
}

/** Many messages in one statement, one round trip: for a job sending many in one transaction (request timers). */
export async function notifyEach(tx: Tx, messages: readonly NotificationMessage[]): Promise<void> {
  const calls = messages
    .filter((message) => message.recipientIds.length > 0)
    .map(
      (message) => Prisma.sql`(SELECT notify_users(${message.kind}, ${[...message.recipientIds]}::uuid[],
                                                   ${message.decisionReference ?? null},
                                                   ${message.escalationId ?? null}::uuid))`,
    );
  if (calls.length > 0) await tx.$queryRaw(Prisma.join(calls, " UNION ALL "));
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
