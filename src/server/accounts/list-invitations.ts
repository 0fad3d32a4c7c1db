import "server-only";
import type { Role } from "@/domain/policy";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { type InvitationStatus, invitationStatus } from "./invitations";

export interface InvitationView {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamName: string | null;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
}

/** The admin's organisation's invitations, newest first (the pipeline checked users.invite). */
export async function listInvitations(admin: SignedInUser, limit = 200): Promise<InvitationView[]> {
  const rows = await db().invitation.findMany({
    where: { organisationId: admin.organisationId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const teamIds = [...new Set(rows.map((r) => r.teamId).filter((id): id is string => id !== null))];
  const teams = await db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamName: row.teamId ? (teamName.get(row.teamId) ?? null) : null,
    status: invitationStatus(row),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  }));
}
