import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { createTeamSchema } from "@/schemas/administration";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { fieldErrorsFrom } from "@/server/field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { isUniqueViolation } from "./in-organisation";

export type CreateTeamResult = UseCaseResult<{ teamId: string; name: string }>;

export const teamNameTaken = (name: string) =>
  fail.conflict(`There is already a team called ${name} (it may be archived). Choose a different name`, "name");

/** Adds a team to the admin's organisation. The pipeline has checked the permission (teams.manage). */
export async function createTeam(admin: SignedInUser, raw: unknown, meta: RequestMeta): Promise<CreateTeamResult> {
  const parsed = createTeamSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { name } = parsed.data;
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
}
