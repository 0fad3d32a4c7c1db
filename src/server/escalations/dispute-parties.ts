import "server-only";
import { db } from "@/server/infra/db";

/**
 * The parties to each escalation's dispute (the policy's partyIds): the decision's author,
 * whoever raised the escalation, and every supervisor who challenged the decision.
 */
export async function disputeParties(
  escalations: readonly { id: string; decisionId: string; raisedById: string; decisionAuthorId: string }[],
): Promise<Map<string, string[]>> {
  const decisionIds = [...new Set(escalations.map((e) => e.decisionId))];
  const challenges = decisionIds.length
    ? await db().review.findMany({
        where: { decisionId: { in: decisionIds }, kind: "CHALLENGE" },
        select: { decisionId: true, authorId: true },
      })
    : [];
  const parties = new Map<string, string[]>();
  for (const e of escalations) {
    const challengers = challenges.filter((c) => c.decisionId === e.decisionId).map((c) => c.authorId);
    parties.set(e.id, [...new Set([e.decisionAuthorId, e.raisedById, ...challengers])]);
  }
  return parties;
}
