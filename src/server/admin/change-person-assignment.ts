import "server-only";
import { LAST_ADMIN_MESSAGE, leavesNoActiveAdmin } from "@/domain/administration";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { Role } from "@/domain/policy";
import { NO_TEAM, changePersonAssignmentSchema } from "@/schemas/administration";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import type { Tx } from "@/server/infra/db";
import { ELSEWHERE, changeInOrganisation, lockOrganisation, placeOf } from "./in-organisation";
import { withUserInput } from "@/server/use-case";

export type ChangePersonAssignmentResult = UseCaseResult<{ userId: string; name: string; changed: boolean }>;

/** The organisation's people as the last-admin guard counts them. */
export async function adminSeats(tx: Tx, organisationId: string) {
  const people = await tx.user.findMany({
    where: { organisationId, role: "ADMIN" },
    select: { id: true, role: true, disabledAt: true },
  });
  return people.map((p) => ({ userId: p.id, role: p.role as Role, active: p.disabledAt === null }));
}

/**
 * Changes a person's role and team. A team must be the organisation's and not archived (an
 * archived team takes no new members; someone already in it may stay). The change may not leave
 * the organisation without an active admin. Their sessions carry on: every request reads the role
 * and team afresh. Audited with before and after. The pipeline has checked users.manage.
 */
export const changePersonAssignment = withUserInput(
  changePersonAssignmentSchema,
  async (admin, input, meta): Promise<ChangePersonAssignmentResult> => {
    const { userId, role } = input;
    const teamId = input.teamId === NO_TEAM ? null : input.teamId;
    const target = { type: "user", id: userId, notFound: "Person not found" };
    return changeInOrganisation(admin, meta, "users.manage", target, async (tx) => {
      await lockOrganisation(tx, admin.organisationId);
      const person = placeOf(
        await tx.user.findUnique({ where: { id: userId }, include: { team: { select: { name: true } } } }),
        admin,
      );
      if (person === "missing") return fail.notFound(target.notFound);
      if (person === ELSEWHERE) return ELSEWHERE;

      let teamName: string | null = null;
      if (teamId !== null) {
        // Held until commit, so the team cannot be archived between this check and the change.
        const [team] = await tx.$queryRaw<{ organisation_id: string; name: string; archived: boolean }[]>`
        SELECT organisation_id::text, name, archived_at IS NOT NULL AS archived FROM team
         WHERE id = ${teamId}::uuid FOR SHARE`;
        if (!team || team.organisation_id !== admin.organisationId) {
          return fail.invalid([{ field: "teamId", message: "Select one of your organisation's teams" }]);
        }
        if (team.archived && person.teamId !== teamId) {
          return fail.invalid([{ field: "teamId", message: `${team.name} is archived. Select an active team` }]);
        }
        teamName = team.name;
      }

      if (person.role === role && person.teamId === teamId)
        return { ok: true as const, userId, name: person.name, changed: false };
      const after = { userId, role, active: person.disabledAt === null };
      if (leavesNoActiveAdmin(await adminSeats(tx, admin.organisationId), after)) {
        return fail.conflict(LAST_ADMIN_MESSAGE, "role");
      }
      await tx.user.update({ where: { id: userId }, data: { role, teamId } });
      await appendAuditEvent(
        tx,
        auditEntry(admin, meta, {
          action: "user.update",
          objectType: "user",
          objectId: userId,
          outcome: "SUCCESS",
          detail: {
            before: { role: person.role, teamId: person.teamId, teamName: person.team?.name ?? null },
            after: { role, teamId, teamName },
          },
        }),
      );
      return { ok: true as const, userId, name: person.name, changed: true };
    });
  },
);
