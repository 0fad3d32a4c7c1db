import "server-only";
import bcrypt from "bcryptjs";
import type { AuditEventInput } from "@/domain/audit";
import { hashOneTimeToken, isWellFormedToken } from "@/domain/accounts/one-time-token";
import { newPasswordErrors } from "@/domain/accounts/password-policy";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { z } from "zod";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { withInput } from "@/server/use-case";

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

/** What setting a password through a link answers: the email the person now signs in with. */
export type PasswordFromLinkResult = UseCaseResult<{ email: string }>;

/**
 * A use case `(raw, meta)` that sets a password through a one-time link (an invitation or a reset):
 * what the link's token opens (naming the person it is for) must still be usable, else `unusable`,
 * and the password must pass the policy for that person; only then `use` runs, in one transaction,
 * where it takes the link again, as a second tab may have used it since.
 */
export function withPasswordFromLink<Opened extends { name: string; email: string }>(
  schema: z.ZodType<{ token: string; password: string; confirmPassword: string }>,
  unusable: string,
  open: (token: string) => Promise<Opened | null>,
  use: (tx: Tx, opened: Opened, passwordHash: string, meta: RequestMeta) => Promise<PasswordFromLinkResult>,
): (raw: unknown, meta: RequestMeta) => Promise<PasswordFromLinkResult> {
  return withInput(schema, async (input, meta: RequestMeta) => {
    const opened = await open(input.token);
    if (!opened) return fail.conflict(unusable);
    const chosen = await chosenPasswordHash(input, opened);
    if (!chosen.ok) return chosen;
    return db().$transaction((tx) => use(tx, opened, chosen.passwordHash, meta));
  });
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
