import "server-only";
import type { Role } from "@/domain/policy";
import type { Tx } from "@/server/infra/db";

export interface PendingInvitation {
  role: Role;
  teamId: string | null;
}

/**
 * HOOK for invitations (issue 10, the email work): an invited person has no account until they
 * accept, yet may sign in through their organisation's provider. Return the open invitation for
 * this email in this organisation (and mark it accepted in `tx`), or null. Until invitations
 * exist, only people with an account, or joining by domain, may sign in.
 */
export async function takePendingInvitation(
  _tx: Tx,
  _organisationId: string,
  _email: string,
): Promise<PendingInvitation | null> {
  return null;
}

/** Whether an open invitation exists, without taking it: decides join-or-refuse before the write. */
export async function hasPendingInvitation(_organisationId: string, _email: string): Promise<boolean> {
  return false;
}
