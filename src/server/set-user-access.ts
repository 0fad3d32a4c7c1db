import "server-only";
import { z } from "zod";
import { LAST_ADMIN_MESSAGE, leavesNoActiveAdmin } from "@/domain/administration";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { Role } from "@/domain/policy";
import { appendAuditEvent, auditEntry } from "./audit/append-audit-event";
import { adminSeats } from "./admin/change-person-assignment";
import { ELSEWHERE, changeInOrganisation, lockOrganisation, placeOf } from "./admin/in-organisation";
import { withUserInput } from "@/server/use-case";

export const setUserAccessSchema = z
  .object({
    userId: z.uuid({ error: "Choose a user" }),
    access: z.enum(["disable", "enable"], { error: "Choose disable or enable" }),
  })
  .strict();

export type SetUserAccessResult = UseCaseResult<{
  userId: string;
  name: string;
  access: "disable" | "enable";
  /** The admin deactivated themselves: their own session has ended too. */
  self: boolean;
}>;

/**
 * Deactivates ("disable") or reactivates ("enable") a person in the admin's organisation.
 * Deactivating ends every session they hold at once: their open session records are ended and
 * their session version bumped, so every instance refuses their next request. Their records and
 * audit history stay. Nobody may deactivate the organisation's last active admin (themselves, since
 * the admin doing it is active). The pipeline has checked the permission (users.manage).
 */
export const setUserAccess = withUserInput(
  setUserAccessSchema,
  async (admin, { userId, access }, meta): Promise<SetUserAccessResult> => {
    const target = { type: "user", id: userId, notFound: "User not found" };

    return changeInOrganisation(admin, meta, "users.manage", target, async (tx) => {
      // Deactivations and role changes in one organisation queue here, so the admin count is exact.
      await lockOrganisation(tx, admin.organisationId);
      const person = placeOf(await tx.user.findUnique({ where: { id: userId } }), admin);
      if (person === "missing") return fail.notFound(target.notFound);
      if (person === ELSEWHERE) return ELSEWHERE;
      const wasActive = person.disabledAt === null;
      if (wasActive === (access === "enable")) {
        return fail.conflict(`${person.name} is already ${wasActive ? "active" : "deactivated"}`);
      }
      let sessionsEnded = 0;
      if (access === "disable") {
        const after = { userId, role: person.role as Role, active: false };
        if (leavesNoActiveAdmin(await adminSeats(tx, admin.organisationId), after)) {
          return fail.conflict(LAST_ADMIN_MESSAGE);
        }
        await tx.user.update({
          where: { id: userId },
          data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
        });
        const ended = await tx.userSession.updateMany({
          where: { userId, endedAt: null },
          data: { endedAt: new Date(), endReason: "revoked" },
        });
        sessionsEnded = ended.count;
      } else {
        await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
      }
      await appendAuditEvent(
        tx,
        auditEntry(admin, meta, {
          action: access === "disable" ? "user.disable" : "user.enable",
          objectType: "user",
          objectId: userId,
          outcome: "SUCCESS",
          detail: {
            before: { active: wasActive },
            after: { active: !wasActive },
            ...(access === "disable" ? { sessionsEnded } : {}),
          },
        }),
      );
      return { ok: true as const, userId, name: person.name, access, self: userId === admin.userId };
    });
  },
);
