import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { createTeamSchema } from "@/schemas/administration";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import { isUniqueViolation } from "./in-organisation";
import { withUserInput } from "@/server/use-case";

export type CreateTeamResult = UseCaseResult<{ teamId: string; name: string }>;

export const teamNameTaken = (name: string) =>
  fail.conflict(`There is already a team called ${name} (it may be archived). Choose a different name`, "name");

/** Adds a team to the admin's organisation. The pipeline has checked the permission (teams.manage). */
export const createTeam = withUserInput(createTeamSchema, async (admin, { name }, meta): Promise<CreateTeamResult> => {
  try {
    return await db().$transaction(async (tx) => {
      const team = await tx.team.create({ data: { organisationId: admin.organisationId, name } });
      await appendAuditEvent(
        tx,
        auditEntry(admin, meta, {
          action: "team.create",
          objectType: "team",
          objectId: team.id,
          outcome: "SUCCESS",
          detail: { before: null, after: { name } },
        }),
      );
      return { ok: true as const, teamId: team.id, name };
    });
  } catch (error) {
    // The database compares names whatever their case (decision 020).
    if (isUniqueViolation(error)) return teamNameTaken(name);
    throw error;
  }
});
