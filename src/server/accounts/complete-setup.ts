import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { setupSchema } from "@/schemas/accounts";
import { appendAuditEvent } from "@/server/audit/append-audit-event";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { chosenPasswordHash, fromRequest, tokenHashOf } from "./account-links";
import { withInput } from "@/server/use-case";

export type SetupLinkState = "usable" | "already-set-up" | "expired-or-used";

// Set-up runs once per database: every attempt takes this lock first, so two set-up pages
// submitted together cannot both find no organisation.
const SETUP_LOCK = 72_707_370;

async function setupLinkState(tx: Tx, tokenHash: string | null): Promise<SetupLinkState> {
  if ((await tx.organisation.count()) > 0) return "already-set-up";
  if (!tokenHash) return "expired-or-used";
  const link = await tx.setupToken.findUnique({ where: { tokenHash } });
  return link && !link.usedAt && link.expiresAt > new Date() ? "usable" : "expired-or-used";
}

/** Whether the first-run set-up page may be shown for this link. */
export async function checkSetupLink(token: string): Promise<SetupLinkState> {
  return db().$transaction((tx) => setupLinkState(tx, tokenHashOf(token)));
}

export type CompleteSetupResult = UseCaseResult<{ organisationName: string; email: string }>;

/**
 * First-run set-up (decision 019): with the one-time link `npm start` printed, creates the first
 * organisation and its first administrator, and uses up the link. Refused once any organisation
 * exists, whatever the link. Audited on the new organisation's chain, by the new admin.
 */
export const completeSetup = withInput(setupSchema, async (input, meta: RequestMeta): Promise<CompleteSetupResult> => {
  const chosen = await chosenPasswordHash(input, input);
  if (!chosen.ok) return chosen;
  const tokenHash = tokenHashOf(input.token);

  return db().$transaction(async (tx): Promise<CompleteSetupResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    const state = await setupLinkState(tx, tokenHash);
    if (state === "already-set-up") return fail.conflict("InfoShare has already been set up. Sign in instead");
    if (state !== "usable")
      return fail.conflict("This set-up link has expired or been used. Run npm start again for a new one");
    const organisation = await tx.organisation.create({ data: { name: input.organisationName, kind: input.kind } });
    await tx.organisationSettings.create({ data: { organisationId: organisation.id } });
    const admin = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: chosen.passwordHash,
        role: "ADMIN",
        organisationId: organisation.id,
      },
    });
    await tx.setupToken.update({ where: { tokenHash: tokenHash! }, data: { usedAt: new Date() } });
    await appendAuditEvent(tx, {
      ...fromRequest(meta),
      actorId: admin.id,
      actorRole: "ADMIN",
      organisationId: organisation.id,
      action: "setup.complete",
      objectType: "organisation",
      objectId: organisation.id,
      outcome: "SUCCESS",
      detail: { organisationName: organisation.name, kind: organisation.kind, adminId: admin.id },
    });
    return { ok: true, organisationName: organisation.name, email: admin.email };
  });
});
