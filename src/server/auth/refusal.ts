import "server-only";
import { type UseCaseFailure, fail } from "@/domain/errors";
import {
  type Actor,
  type Action,
  type GlobalAction,
  type RecordAction,
  type ScopedResource,
  can,
} from "@/domain/policy";
import { auditEntry, recordAuditEvent } from "../audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";

/** Why a refusal was given, when it is not simply that the policy said no. */
export type RefusalReason = "policy" | "other-organisation" | "party-to-dispute";

/**
 * The one way a refused action is audited: exactly one `access.denied` event, naming what was
 * attempted and on what (never the request's values). Cross-organisation lookups are answered
 * "not found" to the user, so that their existence is not revealed, but are still refusals here.
 */
export async function recordRefusal(
  actor: Pick<Actor, "userId" | "role" | "organisationId">,
  meta: RequestMeta,
  attempted: Action,
  object: { type: string; id: string } | null = null,
  reason: RefusalReason = "policy",
): Promise<void> {
  await recordAuditEvent(
    auditEntry(actor, meta, {
      action: "access.denied",
      objectType: object?.type ?? null,
      objectId: object?.id ?? null,
      outcome: "DENIED",
      detail: reason === "policy" ? { attempted } : { attempted, reason },
    }),
  );
}

/**
 * The check on one record a lookup makes: another organisation's record is answered "not found"
 * (its existence is not revealed) and one the policy refuses "forbidden", each audited as exactly
 * one refusal. Null when the user may.
 */
export async function recordRefusalFor(
  actor: Actor,
  meta: RequestMeta,
  attempted: RecordAction,
  record: { type: string; id: string; resource: ScopedResource },
  answers: { notFound: string; forbidden: string },
): Promise<UseCaseFailure | null> {
  const object = { type: record.type, id: record.id };
  if (record.resource.organisationId !== actor.organisationId) {
    await recordRefusal(actor, meta, attempted, object, "other-organisation");
    return fail.notFound(answers.notFound);
  }
  if (!can(actor, attempted, record.resource)) {
    await recordRefusal(actor, meta, attempted, object);
    return fail.forbidden(answers.forbidden);
  }
  return null;
}

/** A permission a use case checks itself: null when the actor has it, else the audited refusal. */
export async function refusalUnless(
  actor: Actor,
  meta: RequestMeta,
  action: GlobalAction,
  forbidden: string,
): Promise<UseCaseFailure | null> {
  if (can(actor, action)) return null;
  await recordRefusal(actor, meta, action);
  return fail.forbidden(forbidden);
}
