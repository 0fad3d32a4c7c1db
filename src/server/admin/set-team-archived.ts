import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { setTeamArchivedSchema } from "@/schemas/administration";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { withUserInput } from "@/server/use-case";
import { ELSEWHERE, changeInOrganisation, placeOf } from "./in-organisation";

export type SetTeamArchivedResult = UseCaseResult<{ teamId: string; name: string; archived: boolean }>;

/**
 * Archives a team (it keeps its records and members, and takes no new members) or brings it back.
 * The pipeline has checked the permission (teams.manage).
 */
export const setTeamArchived = withUserInput(
  setTeamArchivedSchema,
  async (admin, input, meta): Promise<SetTeamArchivedResult> => {
    const { teamId } = input;
    const archived = input.archived === "yes";
    const target = { type: "team", id: teamId, notFound: "Team not found" };
    return changeInOrganisation(admin, meta, "teams.manage", target, async (tx) => {
      const team = placeOf(await tx.team.findUnique({ where: { id: teamId } }), admin);
      if (team === "missing") return fail.notFound(target.notFound);
      if (team === ELSEWHERE) return ELSEWHERE;
      if ((team.archivedAt !== null) === archived) {
        return fail.conflict(archived ? `${team.name} is already archived` : `${team.name} is not archived`);
      }
      await tx.team.update({ where: { id: teamId }, data: { archivedAt: archived ? new Date() : null } });
      await appendAuditEvent(
        tx,
        auditEntry(admin, meta, {
          action: archived ? "team.archive" : "team.unarchive",
          objectType: "team",
          objectId: teamId,
          outcome: "SUCCESS",
          detail: { name: team.name, before: { archived: !archived }, after: { archived } },
        }),
      );
      return { ok: true as const, teamId, name: team.name, archived };
    });
  },
);
