import "server-only";
import type { Tx } from "@/server/infra/db";

/**
 * Opens a session record (decision 018). `secondFactorPending` (decision 021): true after a right
 * password when a second factor must still be given; the session then reaches only the
 * second-factor pages until it is. Single sign-on opens its sessions with false: the identity
 * provider is responsible for the second factor of the people it signs in.
 */
export async function openUserSession(
  tx: Tx,
  session: { userId: string; ip: string | null; secondFactorPending: boolean },
): Promise<string> {
  const created = await tx.userSession.create({ data: session, select: { id: true } });
  return created.id;
}
