import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "./auth/current-actor";
import { appendAuditEvent } from "./audit/append-audit-event";
import { recordRefusal } from "./auth/refusal";
import { fieldErrorsFrom } from "./field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export const setUserAccessSchema = z
  .object({
    userId: z.uuid({ error: "Choose a user" }),
    access: z.enum(["disable", "enable"], { error: "Choose disable or enable" }),
  })
  .strict();

export type SetUserAccessResult = UseCaseResult<{ name: string; access: "disable" | "enable" }>;

/**
 * Disabling a user also bumps their session version, so every session they hold is refused at
 * its next request (the session check compares versions with the database). The pipeline has
 * checked the permission (users.manage); the user must be in the admin's organisation.
 */
export async function setUserAccess(
  admin: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<SetUserAccessResult> {
  const parsed = setUserAccessSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { userId, access } = parsed.data;
  if (userId === admin.userId) return fail.invalid([{ field: "userId", message: "You cannot change your own access" }]);

  const result = await db().$transaction(async (tx): Promise<SetUserAccessResult | "elsewhere"> => {
    const target = await tx.user.findUnique({ where: { id: userId } });
    if (!target) return fail.notFound("User not found");
    if (target.organisationId !== admin.organisationId) return "elsewhere";
    await tx.user.update({
      where: { id: target.id },
      data: access === "disable" ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    if (access === "disable") {
      await tx.userSession.updateMany({
        where: { userId: target.id, endedAt: null },
        data: { endedAt: new Date(), endReason: "revoked" },
      });
    }
    await appendAuditEvent(tx, {
      actorId: admin.userId,
      actorRole: admin.role,
      organisationId: admin.organisationId,
      action: access === "disable" ? "user.disable" : "user.enable",
      objectType: "user",
      objectId: target.id,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "SUCCESS",
      detail: {},
    });
    return { ok: true, name: target.name, access };
  });
  if (result !== "elsewhere") return result;
  // Another organisation's user is "not found" to the admin, and a refusal in the audit log.
  await recordRefusal(admin, meta, "users.manage", { type: "user", id: userId }, "other-organisation");
  return fail.notFound("User not found");
}

export async function listOrganisationUsers(admin: SignedInUser) {
  const users = await db().user.findMany({
    where: { organisationId: admin.organisationId },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    include: { team: { select: { name: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    teamName: u.team?.name ?? null,
    disabled: u.disabledAt !== null,
  }));
}
