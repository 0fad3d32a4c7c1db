import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { type UseCaseFailure, type UseCaseResult, fail } from "@/domain/errors";
import { type SsoRefusal, SSO_REFUSAL_MESSAGES, ssoVerdict } from "@/domain/sso";
import { appendAuditEvent, recordAuditEvent } from "@/server/audit/append-audit-event";
import { type SessionUser, emailTag } from "@/server/auth/sign-in-user";
import { db } from "@/server/infra/db";
import { logger } from "@/server/infra/logger";
import type { RequestMeta } from "@/server/infra/request-context";
import { discoverProvider, redeemAuthorizationCode } from "./identity-provider";
import { hasPendingInvitation, takePendingInvitation } from "./pending-invitation";
import { ssoSettingsFor } from "./sso-configuration";

/** A flow must be finished within this; the provider's own sign-in page may take a while. */
const FLOW_LIFETIME_MINUTES = 10;

type FlowRefusal = "state-mismatch" | "flow-expired" | "provider-error" | "token-rejected" | "not-configured";

const FLOW_MESSAGE = "Signing in with your organisation’s account did not finish. Try again";
const MESSAGES: Record<SsoRefusal | FlowRefusal, string> = {
  ...SSO_REFUSAL_MESSAGES,
  "state-mismatch": FLOW_MESSAGE,
  "flow-expired": FLOW_MESSAGE,
  "provider-error": FLOW_MESSAGE,
  "token-rejected": FLOW_MESSAGE,
  "not-configured": FLOW_MESSAGE,
};

type Problem = SsoRefusal | FlowRefusal;

/** What the sign-in page says for a problem named in its address; null for anything else. */
export function ssoProblemMessage(problem: string): string | null {
  return Object.hasOwn(MESSAGES, problem) ? MESSAGES[problem as Problem] : null;
}

/** A refusal names its reason, so the callback can send the browser to a page that explains it. */
export type FinishSsoResult =
  | Exclude<UseCaseResult<{ user: SessionUser; callbackUrl: string | null }>, { ok: false }>
  | (UseCaseFailure & { reason: Problem });

interface FlowRow {
  organisation_id: string;
  code_verifier: string;
  nonce: string;
  callback_url: string | null;
}

/**
 * The provider's redirect back (decision 022). The flow is taken once, atomically, on whichever
 * instance receives it; the state must also match the cookie set on this browser when the flow
 * started (no one else's sign-in can be finished in it). openid-client redeems the code with the
 * PKCE verifier and verifies the ID token and nonce; the domain decides who may sign in. A
 * session is then opened exactly as a password sign-in opens one. Every outcome is audited.
 */
export async function finishSsoSignIn(
  callbackUrl: URL,
  stateFromCookie: string | null,
  meta: RequestMeta,
): Promise<FinishSsoResult> {
  const state = callbackUrl.searchParams.get("state");
  let organisationId: string | null = null;
  let actor: { id: string; role: SessionUser["role"] } | null = null;
  const refuse = async (reason: Problem, email: string | null = null): Promise<FinishSsoResult> => {
    await recordAuditEvent({
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      organisationId,
      action: "auth.sign-in",
      objectType: "user",
      objectId: actor?.id ?? null,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "FAILURE",
      detail: { method: "sso", reason, ...(email ? { emailTag: emailTag(email) } : {}) },
    });
    return { ...fail.invalid([{ field: "email", message: MESSAGES[reason] }]), reason };
  };

  if (!state || !stateFromCookie || state !== stateFromCookie) return refuse("state-mismatch");
  const flows = await db().$queryRaw<FlowRow[]>`
    UPDATE sso_sign_in_flow SET consumed_at = now()
    WHERE state = ${state} AND consumed_at IS NULL
      AND created_at > now() - make_interval(mins => ${FLOW_LIFETIME_MINUTES})
    RETURNING organisation_id::text, code_verifier, nonce, callback_url`;
  const flow = flows[0];
  if (!flow) return refuse("flow-expired");
  organisationId = flow.organisation_id;
  if (callbackUrl.searchParams.has("error")) return refuse("provider-error");

  const settings = await ssoSettingsFor(flow.organisation_id);
  if (!settings) return refuse("not-configured");
  let claims;
  try {
    const provider = await discoverProvider(settings);
    claims = await redeemAuthorizationCode(provider, callbackUrl, {
      state,
      nonce: flow.nonce,
      codeVerifier: flow.code_verifier,
    });
  } catch (error) {
    logger().warn({ organisationId, err: error }, "single sign-on code or ID token rejected");
    return refuse("token-rejected");
  }

  const claimedEmail = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const user = claimedEmail ? await db().user.findUnique({ where: { email: claimedEmail } }) : null;
  if (user && user.organisationId === flow.organisation_id) actor = { id: user.id, role: user.role };
  const invited = !user && claimedEmail ? await hasPendingInvitation(flow.organisation_id, claimedEmail) : false;
  const verdict = ssoVerdict(
    { email: claims.email, emailVerified: claims.emailVerified },
    {
      organisationId: flow.organisation_id,
      allowedDomains: settings.domains,
      allowJoinByDomain: settings.allowJoinByDomain,
    },
    user ? { organisationId: user.organisationId, disabled: user.disabledAt !== null } : null,
    invited,
  );
  if (verdict.kind === "refuse") return refuse(verdict.reason, verdict.email);

  // No password: this person signs in through the provider. A random one nobody knows keeps the
  // column's meaning (a bcrypt hash). Hashed before the transaction: bcrypt is slow on a busy machine.
  const placeholderPasswordHash = user ? "" : await bcrypt.hash(randomBytes(32).toString("base64url"), 12);
  const opened = await db().$transaction(async (tx) => {
    let account = user;
    if (!account) {
      const invitation = await takePendingInvitation(tx, flow.organisation_id, verdict.email);
      account = await tx.user.create({
        data: {
          email: verdict.email,
          name: displayName(claims.name, verdict.email),
          passwordHash: placeholderPasswordHash,
          role: invitation?.role ?? settings.joinRole,
          teamId: invitation?.teamId ?? null,
          organisationId: flow.organisation_id,
        },
      });
    }
    const session = await tx.userSession.create({ data: { userId: account.id, ip: meta.ip }, select: { id: true } });
    await appendAuditEvent(tx, {
      actorId: account.id,
      actorRole: account.role,
      organisationId: account.organisationId,
      action: "auth.sign-in",
      objectType: "user",
      objectId: account.id,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "SUCCESS",
      detail: { method: "sso", sessionId: session.id, joined: user === null, issuer: settings.issuer },
    });
    return { account, sessionId: session.id };
  });
  const { account, sessionId } = opened;
  return {
    ok: true,
    callbackUrl: flow.callback_url,
    user: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      organisationId: account.organisationId,
      teamId: account.teamId,
      sessionVersion: account.sessionVersion,
      sessionId,
    },
  };
}

function displayName(claimed: unknown, email: string): string {
  const name =
    typeof claimed === "string"
      ? claimed
          .replace(/\p{Cc}/gu, "")
          .trim()
          .slice(0, 200)
      : "";
  return name || email.slice(0, email.indexOf("@"));
}
