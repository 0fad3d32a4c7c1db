import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { renameTeamSchema } from "@/schemas/administration";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { teamNameTaken } from "./create-team";
import { ELSEWHERE, changeInOrganisation, isUniqueViolation, placeOf } from "./in-organisation";
import { withUserInput } from "@/server/use-case";

export type RenameTeamResult = UseCaseResult<{ teamId: string; name: string }>;

/** Renames one of the admin's teams (archived ones too). The pipeline has checked teams.manage. */
export const renameTeam = withUserInput(
  renameTeamSchema,
  async (admin, { teamId, name }, meta): Promise<RenameTeamResult> => {
    const target = { type: "team", id: teamId, notFound: "Team not found" };
    try {
      return await changeInOrganisation(admin, meta, "teams.manage", target, async (tx) => {
        const team = placeOf(await tx.team.findUnique({ where: { id: teamId } }), admin);
        if (team === "missing") return fail.notFound(target.notFound);
        if (team === ELSEWHERE) return ELSEWHERE;
        if (team.name === name) return { ok: true as const, teamId, name };
        await tx.team.update({ where: { id: teamId }, data: { name } });
        await appendAuditEvent(
          tx,
          auditEntry(admin, meta, {
            action: "team.rename",
            objectType: "team",
            objectId: teamId,
            outcome: "SUCCESS",
            detail: { before: { name: team.name }, after: { name } },
          }),
        );
        return { ok: true as const, teamId, name };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return teamNameTaken(name);
      throw error;
    }
  },
);
