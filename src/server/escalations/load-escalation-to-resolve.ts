import "server-only";
import { fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { resolveEscalationInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import type { RequestMeta } from "@/server/infra/request-context";
import { disputeParties } from "./dispute-parties";

const ESCALATION_NOT_FOUND = "Escalation not found";

/**
 * The opening of resolving an escalation: the form's input, then the escalation it names if the
 * policy lets this user resolve it. Another organisation's escalation is "not found"; every
 * refusal is audited once.
 */
export async function loadEscalationToResolve(user: SignedInUser, raw: unknown, meta: RequestMeta) {
  const parsed = resolveEscalationInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  const escalation = await db().escalation.findUnique({
    where: { id: input.escalationId },
    include: { decision: { select: { reference: true, authorId: true, caseReference: true } } },
  });
  if (!escalation) return fail.notFound(ESCALATION_NOT_FOUND);
  const object = { type: "escalation", id: escalation.id };
  // Another organisation's escalation is "not found" to the user, and a refusal in the audit log.
  if (escalation.organisationId !== user.organisationId) {
    await recordRefusal(user, meta, "escalation.resolve", object, "other-organisation");
    return fail.notFound(ESCALATION_NOT_FOUND);
  }
  const parties = await disputeParties([{ ...escalation, decisionAuthorId: escalation.decision.authorId }]);
  const scope = {
    organisationId: escalation.organisationId,
    teamId: escalation.teamId,
    authorId: escalation.raisedById,
    partyIds: parties.get(escalation.id) ?? [],
  };
  if (!can(user, "escalation.resolve", scope)) {
    // Refused attempts are evidence too, a party trying to settle their own dispute above all.
    const party = scope.partyIds.includes(user.userId);
    await recordRefusal(user, meta, "escalation.resolve", object, party ? "party-to-dispute" : "policy");
    return fail.forbidden(
      party ? "You cannot resolve a dispute you are part of" : "You cannot resolve this escalation",
    );
  }
  return { ok: true as const, escalation, input };
}
