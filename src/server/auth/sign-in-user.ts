import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Role } from "@/domain/policy";
import { signInSchema } from "@/schemas/sign-in";
import { db } from "@/server/infra/db";
import { appendAuditEvent, recordAuditEvent } from "../audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";
import { type UseCaseResult, fail } from "@/domain/errors";
import { fieldErrorsFrom } from "../field-errors";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  teamId: string | null;
  sessionVersion: number;
  /** The server-side session record opened by this sign-in (user_session.id), carried in the token. */
  sessionId: string;
}

export type SignInResult = UseCaseResult<{ user: SessionUser; callbackUrl: string | undefined }>;

const LOCKOUT_WINDOW_MINUTES = 15;
const LOCKOUT_FAILURES = 5;
// A real bcrypt hash, compared when the email is unknown so both paths take the same time.
const DUMMY_HASH = "$2b$12$cN23XpLhXhkVJpuuqlIlZ.jku7jDM.94QJ2S0MOjgJVblTyp5WWma";

const WRONG_CREDENTIALS = "Enter the email address and password for your InfoShare account";

/** A short, one-way tag so repeated failures for one address can be correlated without logging it. */
export function emailTag(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16);
}

export async function signInUser(raw: unknown, meta: RequestMeta): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));

  const email = parsed.data.email.toLowerCase();
  const user = await db().user.findUnique({ where: { email } });
  const passwordMatches = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);

  const refuse = async (reason: string, message: string): Promise<SignInResult> => {
    await recordAuditEvent({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      organisationId: user?.organisationId ?? null,
      action: "auth.sign-in",
      objectType: "user",
      objectId: user?.id ?? null,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "FAILURE",
      detail: { reason, emailTag: emailTag(email) },
    });
    return fail.invalid([{ field: "email", message }]);
  };

  if (user) {
    const recentFailures = await db().auditEvent.count({
      where: {
        actorId: user.id,
        action: "auth.sign-in",
        outcome: "FAILURE",
        at: { gt: new Date(Date.now() - LOCKOUT_WINDOW_MINUTES * 60_000) },
      },
    });
    if (recentFailures >= LOCKOUT_FAILURES)
      return refuse("locked-out", `Too many failed attempts. Wait ${LOCKOUT_WINDOW_MINUTES} minutes, then try again`);
  }
  if (!user || !passwordMatches) return refuse(user ? "wrong-password" : "unknown-email", WRONG_CREDENTIALS);
  if (user.disabledAt) return refuse("account-disabled", "Your account has been disabled. Contact your service administrator");

  const sessionId = await db().$transaction(async (tx) => {
    const session = await tx.userSession.create({ data: { userId: user.id, ip: meta.ip }, select: { id: true } });
    await appendAuditEvent(tx, {
      actorId: user.id,
      actorRole: user.role,
      organisationId: user.organisationId,
      action: "auth.sign-in",
      objectType: "user",
      objectId: user.id,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "SUCCESS",
      detail: { sessionId: session.id },
    });
    return session.id;
  });
  return {
    ok: true,
    callbackUrl: parsed.data.callbackUrl,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      teamId: user.teamId,
      sessionVersion: user.sessionVersion,
      sessionId,
    },
  };
}
