import "server-only";
import bcrypt from "bcryptjs";
import type { AuditEventInput } from "@/domain/audit";
import { hashOneTimeToken, isWellFormedToken } from "@/domain/accounts/one-time-token";
import { newPasswordErrors } from "@/domain/accounts/password-policy";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { RequestMeta } from "@/server/infra/request-context";

// What set-up, invitations and password reset share (decision 019).

/** The cost the demo seed uses: about a quarter of a second, per OWASP's bcrypt guidance (10+). */
const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * The hash of the password a person chose (twice) on set-up, an invitation or a reset, once the
 * password policy accepts it, checked against their name and email; else the policy's field errors.
 */
export async function chosenPasswordHash(
  input: { password: string; confirmPassword: string },
  person: { name: string; email: string },
): Promise<UseCaseResult<{ passwordHash: string }>> {
  const errors = newPasswordErrors(input.password, input.confirmPassword, [person.name, person.email]);
  if (errors.length > 0) return fail.invalid(errors);
  return { ok: true, passwordHash: await hashPassword(input.password) };
}

/** The stored hash of a link's token, or null for a token no link of ours could carry. */
export function tokenHashOf(token: string): string | null {
  return isWellFormedToken(token) ? hashOneTimeToken(token) : null;
}

export const SETUP_PATH = "/setup/";
export const INVITATION_PATH = "/invitation/";
export const PASSWORD_RESET_PATH = "/password-reset/";

/** An audit event's fields that come from the request. */
export function fromRequest(meta: RequestMeta): Pick<AuditEventInput, "requestId" | "ip" | "caseReference"> {
  return { requestId: meta.requestId, ip: meta.ip, caseReference: null };
}
