import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { fieldErrorsFrom } from "@/server/field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { organisationRequiresSecondFactor } from "./second-factor-state";

const schema = z.object({
  requireSecondFactor: z.enum(["yes", "no"], { error: "Choose whether everyone must use a second factor" }),
});

/**
 * Whether everyone in the organisation must use a second factor (on by default). Admins and IG
 * leads must whatever this says. The pipeline has checked settings.manage. Audited before/after.
 */
export async function setSecondFactorRequirement(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult<{ required: boolean }>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const required = parsed.data.requireSecondFactor === "yes";
  await db().$transaction(async (tx) => {
    const before = await organisationRequiresSecondFactor(user.organisationId, tx);
    await tx.organisationSettings.upsert({
      where: { organisationId: user.organisationId },
      create: { organisationId: user.organisationId, requireSecondFactor: required, updatedById: user.userId },
      update: { requireSecondFactor: required, updatedById: user.userId },
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "settings.change",
        objectType: "organisation",
        objectId: user.organisationId,
        outcome: "SUCCESS",
        detail: { before: { requireSecondFactor: before }, after: { requireSecondFactor: required } },
      }),
    );
  });
  return { ok: true, required };
}
