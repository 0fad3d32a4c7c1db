import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import type { User } from "next-auth";
import { signInSchema } from "@/schemas/sign-in";
import { db } from "@/server/infra/db";
import { appendAuditEvent, recordAuditEvent } from "../audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";
import { type UseCaseResult, fail } from "@/domain/errors";
import { fieldErrorsFrom } from "../field-errors";
import { reserveSignInAttempt, settleSuccessfulSignIn, throttleKeys } from "./sign-in-throttle";
import { passwordRefusedBySso } from "@/domain/sso";
import { ssoEnforcement } from "../sso/sso-configuration";
import { type SecondFactorStep, secondFactorStepAfterPassword } from "@/domain/second-factor";
import { hasSecondFactor, loadSecondFactorState } from "../second-factor/second-factor-state";
import { openUserSession } from "./open-user-session";

/**
 * Who a password sign-in opens a session for: NextAuth's user (its fields are declared in
 * src/types/next-auth.d.ts) and the second-factor step still to come (decision 021).
 */
export interface SessionUser extends User {
  /** What must happen before the session is complete: nothing, a code, or enrolment. */
  secondFactor: SecondFactorStep;
}

export type SignInResult = UseCaseResult<{ user: SessionUser; callbackUrl: string | undefined }>;

// A real bcrypt hash, compared when the email is unknown so both paths take the same time.
const DUMMY_HASH = "$2b$12$cN23XpLhXhkVJpuuqlIlZ.jku7jDM.94QJ2S0MOjgJVblTyp5WWma";

const WRONG_CREDENTIALS = "Enter the email address and password for your InfoShare account";
// The same for every address, known or not: it tells nobody which accounts exist.
const THROTTLED = "Too many failed attempts. Wait a few minutes, then try again";

/** A short, one-way tag so repeated failures for one address can be correlated without logging it. */
export function emailTag(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16);
}

export async function signInUser(raw: unknown, meta: RequestMeta): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));

  const email = parsed.data.email.toLowerCase();
  const keys = throttleKeys(email, meta.ip);
  // Counted before the password is checked, so parallel attempts cannot get past the limit.
  const verdict = await reserveSignInAttempt(keys);
  const user = await db().user.findUnique({ where: { email } });

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

  if (verdict === "throttled") return refuse("throttled", THROTTLED);
  // A real bcrypt comparison either way, so a known and an unknown address take the same time.
  const passwordMatches = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordMatches) return refuse(user ? "wrong-password" : "unknown-email", WRONG_CREDENTIALS);
  if (user.disabledAt) {
    return refuse("account-disabled", "Your account has been disabled. Contact your service administrator");
  }
  // Decision 022: told only after the right password, so it reveals nothing to a guesser.
  if (passwordRefusedBySso(await ssoEnforcement(user.organisationId), user.id)) {
    return refuse("sso-enforced", "Your organisation signs in to InfoShare with its own account. Use that instead");
  }

  await settleSuccessfulSignIn(keys);
  const factors = await loadSecondFactorState({
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
  });
  const secondFactor = secondFactorStepAfterPassword(hasSecondFactor(factors), factors.required);
  const secondFactorPending = secondFactor !== "none";
  const sessionId = await db().$transaction(async (tx) => {
    const session = { id: await openUserSession(tx, { userId: user.id, ip: meta.ip, secondFactorPending }) };
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
      detail: { sessionId: session.id, secondFactor },
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
      secondFactor,
      secondFactorPending,
    },
  };
}
