import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { ARRANGEMENT_NOT_FOUND, refuseArrangements } from "./save-local-arrangement";

const idSchema = z.uuid();

/** The admin removes an arrangement: archived, so records stamped with it can still name it. */
export async function archiveLocalArrangement(
  user: SignedInUser,
  id: string,
  meta: RequestMeta,
): Promise<UseCaseResult> {
  if (!can(user, "arrangements.manage")) return refuseArrangements(user, meta);
  if (!idSchema.safeParse(id).success) return fail.notFound(ARRANGEMENT_NOT_FOUND);
  return db().$transaction(async (tx): Promise<UseCaseResult> => {
    const found = await tx.localArrangement.findFirst({
      where: { id, organisationId: user.organisationId, archivedAt: null },
      select: { id: true, kind: true, title: true, version: true },
    });
    if (!found) return fail.notFound(ARRANGEMENT_NOT_FOUND);
    await tx.localArrangement.update({ where: { id }, data: { archivedAt: new Date(), updatedById: user.userId } });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "arrangement.remove",
        objectType: "local-arrangement",
        objectId: id,
        outcome: "SUCCESS",
        detail: { before: found },
      }),
    );
    return { ok: true };
  });
}
