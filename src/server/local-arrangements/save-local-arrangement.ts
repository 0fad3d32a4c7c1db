import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { arrangementFormSchema } from "@/domain/local-arrangements";
import { can } from "@/domain/policy";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { recordRefusal } from "../auth/refusal";
import { fieldErrorsFrom } from "../field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export const ARRANGEMENT_NOT_FOUND = "Local arrangement not found";
const idSchema = z.uuid();

export async function refuseArrangements(user: SignedInUser, meta: RequestMeta) {
  await recordRefusal(user, meta, "arrangements.manage");
  return fail.forbidden("Only an administrator can change local arrangements");
}

/**
 * The admin adds a local arrangement, or changes one (`id`): a change bumps its version, so a
 * record stamped with the earlier version says so. Audited with before and after.
 */
export async function saveLocalArrangement(
  user: SignedInUser,
  id: string | null,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult<{ id: string }>> {
  if (!can(user, "arrangements.manage")) return refuseArrangements(user, meta);
  if (id !== null && !idSchema.safeParse(id).success) return fail.notFound(ARRANGEMENT_NOT_FOUND);
  const parsed = arrangementFormSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  const values = { ...input, agreedOn: input.agreedOn ? new Date(`${input.agreedOn}T00:00:00Z`) : null };

  return db().$transaction(async (tx): Promise<UseCaseResult<{ id: string }>> => {
    const before = id
      ? await tx.localArrangement.findFirst({ where: { id, organisationId: user.organisationId, archivedAt: null } })
      : null;
    if (id && !before) return fail.notFound(ARRANGEMENT_NOT_FOUND);
    const saved = before
      ? await tx.localArrangement.update({
          where: { id: before.id },
          data: { ...values, version: before.version + 1, updatedAt: new Date(), updatedById: user.userId },
          select: { id: true, version: true },
        })
      : await tx.localArrangement.create({
          data: { ...values, organisationId: user.organisationId, updatedById: user.userId },
          select: { id: true, version: true },
        });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: before ? "arrangement.change" : "arrangement.add",
        objectType: "local-arrangement",
        objectId: saved.id,
        outcome: "SUCCESS",
        detail: {
          ...(before
            ? { before: { kind: before.kind, title: before.title, link: before.link, version: before.version } }
            : {}),
          after: { kind: input.kind, title: input.title, link: input.link, version: saved.version },
        },
      }),
    );
    return { ok: true, id: saved.id };
  });
}
