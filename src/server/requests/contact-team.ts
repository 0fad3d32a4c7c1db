import "server-only";
import type { Tx } from "@/server/infra/db";

/** The active people of a contact team who work its requests (practitioners and supervisors). */
export async function contactTeamMemberIds(tx: Tx, contactTeamId: string): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { teamId: contactTeamId, disabledAt: null, role: { in: ["PRACTITIONER", "SUPERVISOR"] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}
