import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { dueAt, reminderAt, responseHours, sendRequestInputSchema } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";
import { newRequestReference } from "./reference";
import { auditRequestStep, recordRequestEvent } from "./request-audit";
import { loadWorkingCalendar } from "./working-calendar";
import { contactTeamMemberIds } from "./contact-team";

export type SendRequestResult = UseCaseResult<{ reference: string; dueAt: Date }>;

export const NOT_A_PARTNER = "Select an organisation of your partnership";

/**
 * Asks a partner organisation for information about a child. The request goes to the partner's
 * single point of contact team, which is told in the app and by email (through notify_users, the
 * one notification writer); its due time is the partnership's response time for the priority,
 * in working hours from now. Audited in both organisations' logs.
 */
export async function sendRequest(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<SendRequestResult> {
  const parsed = sendRequestInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;

  // Only a partner: a member of a partnership the user's organisation belongs to, never itself.
  const member =
    input.respondingOrganisationId === user.organisationId
      ? null
      : await db().partnershipMember.findFirst({
          where: {
            organisationId: input.respondingOrganisationId,
            partnership: { members: { some: { organisationId: user.organisationId } } },
          },
          orderBy: { joinedAt: "asc" },
          select: {
            partnershipId: true,
            contactTeamId: true,
            partnership: { select: { responseTimes: { select: { priority: true, workingHours: true } } } },
          },
        });
  if (!member) {
    await recordRefusal(
      user,
      meta,
      "request.send",
      { type: "organisation", id: input.respondingOrganisationId },
      "other-organisation",
    );
    return fail.invalid([{ field: "respondingOrganisationId", message: NOT_A_PARTNER }]);
  }

  const hours = responseHours(
    input.priority,
    Object.fromEntries(member.partnership.responseTimes.map((t) => [t.priority, t.workingHours])),
  );
  const calendar = await loadWorkingCalendar(now);
  const due = dueAt(now, hours, calendar);
  const reference = newRequestReference();

  return db().$transaction(async (tx): Promise<SendRequestResult> => {
    const request = await tx.informationRequest.create({
      data: {
        reference,
        partnershipId: member.partnershipId,
        requestingOrganisationId: user.organisationId,
        requestingTeamId: user.teamId,
        requesterId: user.userId,
        respondingOrganisationId: input.respondingOrganisationId,
        contactTeamId: member.contactTeamId,
        caseReference: input.caseReference,
        childName: input.childName,
        childDateOfBirth: input.childDateOfBirth ? new Date(`${input.childDateOfBirth}T00:00:00Z`) : null,
        nhsNumber: input.nhsNumber,
        purpose: input.purpose,
        informationNeeded: input.informationNeeded,
        lawfulBasis: input.lawfulBasis,
        priority: input.priority,
        responseHours: hours,
        receivedAt: now,
        dueAt: due,
      },
      select: { id: true, reference: true, requestingOrganisationId: true, respondingOrganisationId: true },
    });
    await recordRequestEvent(tx, user, request.id, "SENT", { priority: input.priority });
    // The request's clocks, run by the timer runner (fire-request-timers.ts), not by this web request.
    // The responding organisation is kept on the timer too: the runner claims by it (request_timer alone).
    const ofRequest = { requestId: request.id, respondingOrganisationId: request.respondingOrganisationId };
    await tx.requestTimer.createMany({
      data: [
        { ...ofRequest, kind: "REMIND", dueAt: reminderAt(now, hours, calendar) },
        { ...ofRequest, kind: "ESCALATE", dueAt: due },
      ],
    });
    await notify(tx, { recipientIds: await contactTeamMemberIds(tx, member.contactTeamId), kind: "REQUEST_RECEIVED" });
    await auditRequestStep(
      tx,
      user,
      meta,
      { ...request, caseReference: input.caseReference },
      "request.send",
      ["requesting", "responding"],
      { priority: input.priority, dueAt: due.toISOString() },
    );
    return { ok: true, reference: request.reference, dueAt: due };
  });
}
