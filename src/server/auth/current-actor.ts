import "server-only";
import { cache } from "react";
import { type JWT, decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { type Actor, type GlobalAction, type Role, can } from "@/domain/policy";
import { db } from "@/server/infra/db";
import { recordRefusal } from "./refusal";
import { requestMeta } from "@/server/infra/request-context";
import { env, usesSecureCookies } from "@/server/infra/env";
import { idleAllowanceSeconds, sessionCookieName } from "./session-token";
import { VOUCHED_TOKEN_HEADER, vouchedToken } from "./vouched-token";

export interface SignedInUser extends Actor {
  name: string;
  email: string;
  jobTitle: string | null;
  organisationName: string;
  teamName: string | null;
}

export type SessionState =
  | { status: "signed-in"; user: SignedInUser; unreadNotifications: number }
  /**
   * The password was right but the second factor is still to come (decision 021): only the
   * second-factor pages and signing out accept such a session; everything else refuses it.
   */
  | { status: "second-factor-pending"; user: SignedInUser; sessionId: string }
  | { status: "signed-out" }
  /** A token that was valid once but whose user was disabled or whose session was ended or went idle. */
  | { status: "revoked" };

/**
 * Who the session cookie says is signed in: NextAuth's own token (same cookie, secret and expiry
 * check as getServerSession), decoded directly. getServerSession would also re-encode the token
 * for a cookie a page cannot set, on every request; proxy.ts already re-issues it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Empty for a token issued before session records existed: such a token is refused. */
  sessionId: string;
}

/** The claims of a decoded token that has not outlived its absolute lifetime, else null. */
export function claimsOf(token: JWT | null): SessionClaims | null {
  if (!token?.sub || !UUID.test(token.sub)) return null;
  if (idleAllowanceSeconds(token, env().SESSION_IDLE_MINUTES * 60) === 0) return null;
  const sessionId = token.sid && UUID.test(token.sid) ? token.sid : "";
  return { userId: token.sub, sessionVersion: token.sv ?? -1, sessionId };
}

async function sessionClaims(): Promise<SessionClaims | null> {
  const raw = (await cookies()).get(sessionCookieName(usesSecureCookies()))?.value;
  if (!raw) return null;
  // proxy.ts has usually decoded this very cookie already (vouched-token.ts): no second decryption.
  const vouched = vouchedToken((await headers()).get(VOUCHED_TOKEN_HEADER), raw);
  if (vouched) return claimsOf(vouched);
  return claimsOf(await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null));
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
  session_live: boolean;
  second_factor_pending: boolean | null;
}

/**
 * The session, checked against the database on every request: disabling a user or bumping their
 * session version ends every session they hold at its next request, and the token's session
 * record (decision 018) must be open and not idle, so sign-out ends a copied cookie too. Cached
 * per request. Every page pays for this, so it is one statement (touch the session record, then
 * user, organisation, team and the header's unread count) rather than the five Prisma would make.
 */
export const currentSession = cache(async (): Promise<SessionState> => sessionStateFor(await sessionClaims()));

/** The session record the request's token names (not checked: pair it with currentSession). */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionClaims())?.sessionId || null;
}

/** The state of the session that `session`'s claims name; also how NextAuth's routes check a token. */
export async function sessionStateFor(session: SessionClaims | null): Promise<SessionState> {
  if (!session) return { status: "signed-out" };
  if (!session.sessionId) return { status: "revoked" };
  const idleSeconds = env().SESSION_IDLE_MINUTES * 60;
  const rows = await db().$queryRaw<SessionUserRow[]>`
    WITH live AS (
      UPDATE user_session SET last_seen_at = now()
       WHERE id = ${session.sessionId}::uuid AND user_id = ${session.userId}::uuid AND ended_at IS NULL
         AND last_seen_at > now() - make_interval(secs => ${idleSeconds}::int)
      RETURNING id, second_factor_pending)
    SELECT u.id::text, u.role::text AS role, u.organisation_id::text, u.team_id::text, u.name, u.email, u.job_title,
           u.disabled_at IS NOT NULL AS disabled, u.session_version, o.name AS organisation_name, t.name AS team_name,
           (SELECT count(*)::int FROM notification n WHERE n.user_id = u.id AND n.read_at IS NULL)
             AS unread_notifications,
           EXISTS (SELECT 1 FROM live) AS session_live,
           (SELECT second_factor_pending FROM live) AS second_factor_pending
      FROM app_user u
      JOIN organisation o ON o.id = u.organisation_id
      LEFT JOIN team t ON t.id = u.team_id
     WHERE u.id = ${session.userId}::uuid`;
  const user = rows[0];
  if (!user || user.disabled || user.session_version !== session.sessionVersion || !user.session_live) {
    return { status: "revoked" };
  }
  const signedInUser: SignedInUser = {
    userId: user.id,
    role: user.role,
    organisationId: user.organisation_id,
    teamId: user.team_id,
    name: user.name,
    email: user.email,
    jobTitle: user.job_title,
    organisationName: user.organisation_name,
    teamName: user.team_name,
  };
  if (user.second_factor_pending) {
    return { status: "second-factor-pending", user: signedInUser, sessionId: session.sessionId };
  }
  return { status: "signed-in", user: signedInUser, unreadNotifications: user.unread_notifications };
}

/** Where a session that is not (fully) signed in goes: the second-factor step, or sign-in again. */
export function pathToSignInAgain(state: Exclude<SessionState, { status: "signed-in" }>): string {
  if (state.status === "second-factor-pending") return "/second-factor";
  // Revoked sessions go through a route handler, the only place allowed to clear the cookie.
  return state.status === "revoked" ? "/api/session/end?reason=revoked" : "/sign-in";
}

/** For pages and server actions: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const state = await currentSession();
  if (state.status === "signed-in") return state.user;
  redirect(pathToSignInAgain(state));
}

/**
 * For the second-factor pages: a session whose password was checked, whether or not its second
 * factor has been given yet (enrolling and managing factors work in both), else sign in again.
 */
export async function requirePasswordVerifiedUser(): Promise<{ user: SignedInUser; pending: boolean }> {
  const state = await currentSession();
  if (state.status === "signed-in") return { user: state.user, pending: false };
  if (state.status === "second-factor-pending") return { user: state.user, pending: true };
  redirect(pathToSignInAgain(state));
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
