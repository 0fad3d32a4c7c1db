import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { type Actor, type GlobalAction, type Role, can } from "@/domain/policy";
import { db } from "@/server/infra/db";
import { recordRefusal } from "./refusal";
import { requestMeta } from "@/server/infra/request-context";
import { env, usesSecureCookies } from "@/server/infra/env";
import { idleAllowanceSeconds, sessionCookieName } from "./session-token";

export interface SignedInUser extends Actor {
  name: string;
  email: string;
  jobTitle: string | null;
  organisationName: string;
  teamName: string | null;
}

export type SessionState =
  | { status: "signed-in"; user: SignedInUser; unreadNotifications: number }
  | { status: "signed-out" }
  /** A token that was valid once but whose user was disabled or whose sessions were revoked. */
  | { status: "revoked" };

/**
 * Who the session cookie says is signed in: NextAuth's own token (same cookie, secret and expiry
 * check as getServerSession), decoded directly. getServerSession would also re-encode the token
 * for a cookie a page cannot set, on every request; proxy.ts already re-issues it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function sessionClaims(): Promise<{ userId: string; sessionVersion: number } | null> {
  const { NEXTAUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const raw = (await cookies()).get(sessionCookieName(usesSecureCookies()))?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.sub || !UUID.test(token.sub) || idleAllowanceSeconds(token, SESSION_IDLE_MINUTES * 60) === 0) return null;
  return { userId: token.sub, sessionVersion: token.sv ?? -1 };
}

interface SessionUserRow {
  id: string;
  role: Role;
  organisation_id: string;
  team_id: string | null;
  name: string;
  email: string;
  job_title: string | null;
  disabled: boolean;
  session_version: number;
  organisation_name: string;
  team_name: string | null;
  unread_notifications: number;
}

/**
 * The session, checked against the database on every request: disabling a user or bumping their
 * session version ends every session they hold at its next request. Cached per request.
 * Every page pays for this, so it is one query (user, organisation, team and the header's unread
 * count) rather than the four Prisma would make.
 */
export const currentSession = cache(async (): Promise<SessionState> => {
  const session = await sessionClaims();
  if (!session) return { status: "signed-out" };
  const rows = await db().$queryRaw<SessionUserRow[]>`
    SELECT u.id::text, u.role::text AS role, u.organisation_id::text, u.team_id::text, u.name, u.email, u.job_title,
           u.disabled_at IS NOT NULL AS disabled, u.session_version, o.name AS organisation_name, t.name AS team_name,
           (SELECT count(*)::int FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL)
             AS unread_notifications
      FROM app_user u
      JOIN organisation o ON o.id = u.organisation_id
      LEFT JOIN team t ON t.id = u.team_id
     WHERE u.id = ${session.userId}::uuid`;
  const user = rows[0];
  if (!user || user.disabled || user.session_version !== session.sessionVersion) return { status: "revoked" };
  return {
    status: "signed-in",
    user: {
      userId: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      teamId: user.team_id,
      name: user.name,
      email: user.email,
      jobTitle: user.job_title,
      organisationName: user.organisation_name,
      teamName: user.team_name,
    },
    unreadNotifications: user.unread_notifications,
  };
});

/** For pages and server actions: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const state = await currentSession();
  if (state.status === "signed-in") return state.user;
  // Revoked sessions go through a route handler, the only place allowed to clear the cookie.
  redirect(state.status === "revoked" ? "/api/session/end?reason=revoked" : "/sign-in");
}

/** For pages and server actions: the user if the policy allows the action, else the 403 page. */
export async function requirePermission(action: GlobalAction): Promise<SignedInUser> {
  const user = await requireUser();
  if (!can(user, action)) {
    await recordRefusal(user, await requestMeta(), action);
    forbidden();
  }
  return user;
}
