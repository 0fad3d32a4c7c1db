// No party to a dispute resolves it (issue 12 item 4): not the author of the decision in dispute,
// not the supervisor whose challenge is disputed, not whoever raised it; and the refusal is audited.
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { reviewDecision } from "@/server/reviews/review-decision";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { resolveEscalation } from "@/server/escalations/resolve-escalation";
import { listEscalations } from "@/server/escalations/list-escalations";
import { db } from "@/server/infra/db";
import { CHALLENGE, TEST_META, actorFor, recordThroughWizard } from "./support";
import { SAM, ALEX, PRIYA } from "./demo-people";

describe("resolving an escalation", () => {
  it("is refused to the supervisor whose challenge is disputed, audited, and left to the IG lead", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "PARTY-0001");
    expect(await reviewDecision(await actorFor(ALEX), reference, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    const reason = { reason: "I stand by the decision: the challenge misreads the consent given." };
    const raised = await raiseEscalation(await actorFor(SAM), reference, reason, TEST_META);
    expect(raised.ok).toBe(true);
    if (!raised.ok) return;

    const alex = await actorFor(ALEX);
    expect((await listEscalations(alex)).find((e) => e.id === raised.escalationId)?.canResolve).toBe(false);
    const resolution = {
      escalationId: raised.escalationId,
      resolution: "The challenge stands; reconsider with the DSL.",
    };
    expect(await resolveEscalation(alex, resolution, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
      errors: [{ message: "You cannot resolve a dispute you are part of" }],
    });
    const sam = await actorFor(SAM);
    expect(await resolveEscalation(sam, resolution, TEST_META)).toMatchObject({ ok: false, error: "forbidden" });
    // Refusals name the escalation (recordRefusal); the reason says the actor is a party to it.
    const where = { objectType: "escalation", objectId: raised.escalationId, action: "access.denied" };
    const refusals = await db().auditEvent.findMany({ where, orderBy: { id: "asc" } });
    const reasonOf = (detail: unknown) => (detail as { reason?: string }).reason;
    expect(refusals.map((r) => [r.actorId, r.outcome, reasonOf(r.detail)])).toEqual([
      [alex.userId, "DENIED", "party-to-dispute"],
      [sam.userId, "DENIED", "party-to-dispute"],
    ]);
    const stillOpen = await db().escalation.findUniqueOrThrow({ where: { id: raised.escalationId } });
    expect(stillOpen.status).toBe("OPEN");

    const priya = await actorFor(PRIYA);
    expect((await listEscalations(priya)).find((e) => e.id === raised.escalationId)?.canResolve).toBe(true);
    expect(await resolveEscalation(priya, resolution, TEST_META)).toEqual({ ok: true });
  });

  it("is refused to the supervisor who raised it", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "PARTY-0002");
    const reason = { reason: "The requester disputes this and I want a second opinion on it." };
    const raised = await raiseEscalation(await actorFor(ALEX), reference, reason, TEST_META);
    expect(raised.ok).toBe(true);
    if (!raised.ok) return;
    const resolution = { escalationId: raised.escalationId, resolution: "Resolved by the person who raised it." };
    const refused = await resolveEscalation(await actorFor(ALEX), resolution, TEST_META);
    expect(refused).toMatchObject({ ok: false, error: "forbidden" });
  });
});
