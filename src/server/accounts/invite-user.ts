import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { inviteSchema } from "@/schemas/accounts";
import { db } from "@/server/infra/db";
import { createInvitation, emailIsTaken } from "./invitations";
import { withUserInput } from "@/server/use-case";

export type InviteUserResult = UseCaseResult<{ invitationId: string; email: string }>;

/**
 * An admin invites one person by email (decision 019): a one-time link that expires in 7 days,
 * sent through the outbox in the same transaction. The pipeline checked users.invite; the team
 * must be one of the admin's organisation's.
 */
export const inviteUser = withUserInput(
  inviteSchema,
  async (admin, { name, email, role, teamId }, meta): Promise<InviteUserResult> => {
    return db().$transaction(async (tx): Promise<InviteUserResult> => {
      if (teamId) {
        const team = await tx.team.findFirst({ where: { id: teamId, organisationId: admin.organisationId } });
        if (!team) return fail.invalid([{ field: "teamId", message: "Choose a team from your organisation" }]);
      }
      if (await emailIsTaken(tx, email)) {
        return fail.conflict("This email address already has an account or a pending invitation", "email");
      }
      const invitationId = await createInvitation(
        tx,
        admin,
        meta,
        { name, email, role, teamId: teamId || null },
        "form",
      );
      return { ok: true, invitationId, email };
    });
  },
);
