import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { type Actor, type GlobalAction, type RecordAction, type Role, type ScopedResource, can } from "@/domain/policy";
import { db } from "../db";
import { recordAuditEvent, auditEntry } from "../audit/append-audit-event";
import { requestMeta } from "../request-context";
import { authOptions } from "./options";

export interface SignedInUser extends Actor {
  name: string;
  email: string;
  jobTitle: string | null;
  organisationName: string;
  teamName: string | null;
}

export type SessionState =
  | { status: "signed-in"; user: SignedInUser }
  | { status: "signed-out" }
  /** A token that was valid once but whose user was disabled or whose sessions were revoked. */
  | { status: "revoked" };

/**
 * The session, checked against the database on every request: disabling a user or bumping their
 * session version ends every session they hold at its next request. Cached per request.
 */
export const currentSession = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return { status: "signed-out" };
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    include: { organisation: { select: { name: true } }, team: { select: { name: true } } },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.user.sessionVersion) return { status: "revoked" };
  return {
    status: "signed-in",
    user: {
      userId: user.id,
      role: user.role as Role,
      organisationId: user.organisationId,
      teamId: user.teamId,
      name: user.name,
      email: user.email,
      jobTitle: user.jobTitle,
      organisationName: user.organisation.name,
      teamName: user.team?.name ?? null,
    },
  };
});

/** For pages and server actions: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const state = await currentSession();
  if (state.status === "signed-in") return state.user;
  // Revoked sessions go through a route handler, the only place allowed to clear the cookie.
  redirect(state.status === "revoked" ? "/api/session/end?reason=revoked" : "/sign-in");
}

export async function auditDenied(user: SignedInUser, action: string, resource?: { type: string; id: string }) {
  const meta = await requestMeta();
  await recordAuditEvent(auditEntry(user, meta, { action: "access.denied", objectType: resource?.type ?? null, objectId: resource?.id ?? null, outcome: "DENIED", detail: { attempted: action } }));
}

/** For pages and server actions: the user if the policy allows the action, else the 403 page. */
export async function requirePermission(action: GlobalAction): Promise<SignedInUser> {
  const user = await requireUser();
  if (!can(user, action)) {
    await auditDenied(user, action);
    forbidden();
  }
  return user;
}

export async function requireRecordPermission(
  action: RecordAction,
  resource: ScopedResource & { type: string; id: string },
): Promise<SignedInUser> {
  const user = await requireUser();
  if (!can(user, action, resource)) {
    await auditDenied(user, action, resource);
    forbidden();
  }
  return user;
}
