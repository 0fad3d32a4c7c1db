import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { changedHours, responseTimesSchema } from "@/domain/partnerships";
import { type Actor, can, partnershipRelationOf } from "@/domain/policy";
import { PRIORITIES, type Priority } from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import type { SignedInUser } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { fieldErrorsFrom } from "@/server/field-errors";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { partnershipResource } from "./partnership-access";
import { responseHoursOf } from "./view-partnerships";

export const PARTNERSHIP_NOT_FOUND = "Partnership not found";
export const RESPONSE_TIMES_REFUSED =
  "Only an admin of an organisation whose people include a lead safeguarding partner can change the response times";

export type ResponseTimesToChangeResult = UseCaseResult<{
  id: string;
  name: string;
  responseHours: Record<Priority, number>;
}>;
export type SetResponseTimesResult = UseCaseResult<{ partnershipId: string; changed: boolean }>;

async function partnershipHours(tx: Tx, partnershipId: string) {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { id: true, name: true, responseTimes: { select: { priority: true, workingHours: true } } },
  });
  return { id: partnership.id, name: partnership.name, responseHours: responseHoursOf(partnership.responseTimes) };
}

/**
 * The partnership-scoped check: a partnership the actor is not in is "not found" (its existence is
 * not revealed), one whose response times they may not change "forbidden"; each audited once.
 */
async function responseTimesRefusal(actor: Actor, partnershipId: string, meta: RequestMeta) {
  const resource = z.uuid().safeParse(partnershipId).success ? await partnershipResource(partnershipId) : null;
  const object = { type: "partnership", id: partnershipId.slice(0, 64) };
  if (!resource || partnershipRelationOf(actor, resource) === "neither") {
    await recordRefusal(actor, meta, "partnership.response-times", object, "other-organisation");
    return fail.notFound(PARTNERSHIP_NOT_FOUND);
  }
  if (!can(actor, "partnership.response-times", resource)) {
    await recordRefusal(actor, meta, "partnership.response-times", object);
    return fail.forbidden(RESPONSE_TIMES_REFUSED);
  }
  return null;
}

/** The response times the change page starts from, for someone who may change them. */
export async function getResponseTimesToChange(
  actor: Actor,
  partnershipId: string,
  meta: RequestMeta,
): Promise<ResponseTimesToChangeResult> {
  const refusal = await responseTimesRefusal(actor, partnershipId, meta);
  if (refusal) return refusal;
  return { ok: true, ...(await partnershipHours(db(), partnershipId)) };
}

/**
 * Sets a partnership's Red / Amber / Green working hours. A request keeps the hours it was sent with
 * (and its due time and timers): the change applies to requests sent afterwards (decision 033).
 * Audited in every member organisation's log, since every member's clocks change; nothing is written
 * when nothing changes.
 */
export async function setResponseTimes(
  actor: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<SetResponseTimesResult> {
  const partnershipId =
    typeof raw === "object" && raw !== null && "partnershipId" in raw ? String(raw.partnershipId) : "";
  const refusal = await responseTimesRefusal(actor, partnershipId, meta);
  if (refusal) return refusal;
  const parsed = responseTimesSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { hours } = parsed.data;
  return db().$transaction(async (tx): Promise<SetResponseTimesResult> => {
    // One change at a time per partnership, so each audit event's "before" is what it replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`response-times:${partnershipId}`}, 0))`;
    const current = await partnershipHours(tx, partnershipId);
    const { before, after } = changedHours(current.responseHours, hours);
    if (Object.keys(after).length === 0) return { ok: true, partnershipId, changed: false };
    // All three in one statement: the database checks their order after each statement.
    await tx.$executeRaw`
      INSERT INTO partnership_response_time (partnership_id, priority, working_hours)
      VALUES ${Prisma.join(
        PRIORITIES.map(
          (priority) => Prisma.sql`(${partnershipId}::uuid, ${priority}::"RequestPriority", ${hours[priority]})`,
        ),
      )}
      ON CONFLICT (partnership_id, priority) DO UPDATE SET working_hours = EXCLUDED.working_hours`;
    const members = await tx.partnershipMember.findMany({ where: { partnershipId }, select: { organisationId: true } });
    for (const { organisationId } of members) {
      await appendAuditEvent(
        tx,
        auditEntry({ ...actor, organisationId }, meta, {
          action: "partnership.response-times",
          objectType: "partnership",
          objectId: partnershipId,
          outcome: "SUCCESS",
          detail: { partnership: current.name, before, after },
        }),
      );
    }
    return { ok: true, partnershipId, changed: true };
  });
}
