import "server-only";
import { z } from "zod";
import { can } from "@/domain/policy";
import type { SignedInUser } from "./auth/current-actor";
import { appendAuditEvent } from "./audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export const setUserAccessSchema = z
  .object({ userId: z.uuid({ error: "Choose a user" }), access: z.enum(["disable", "enable"], { error: "Choose disable or enable" }) })
  .strict();

export type SetUserAccessResult = { ok: true; name: string; access: "disable" | "enable" } | { ok: false; status: 400 | 403 | 404; message: string };

/**
 * Disabling a user also bumps their session version, so every session they hold is refused at
 * its next request (the session check compares versions with the database).
 */
export async function setUserAccess(admin: SignedInUser, raw: unknown, meta: RequestMeta): Promise<SetUserAccessResult> {
  if (!can(admin, "users.manage")) return { ok: false, status: 403, message: "You cannot manage users" };
  const parsed = setUserAccessSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? "Invalid request" };
  const { userId, access } = parsed.data;
  if (userId === admin.userId) return { ok: false, status: 400, message: "You cannot change your own access" };

  return db().$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: userId, organisationId: admin.organisationId } });
    if (!target) return { ok: false as const, status: 404 as const, message: "User not found" };
    await tx.user.update({
      where: { id: target.id },
      data: access === "disable" ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
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
    return { ok: true as const, name: target.name, access };
  });
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
