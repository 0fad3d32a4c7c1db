import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { STEP_REFUSALS, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import type { RequestMeta } from "@/server/infra/request-context";
import { contactTeamMemberIds } from "./contact-team";
import { loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type AssignRequestResult = UseCaseResult<{ reference: string }>;

const assignInputSchema = z.strictObject({ assigneeId: z.uuid({ error: "Select who will answer this request" }) });
const NOT_IN_TEAM = "Select someone in your contact team";

/** The contact team gives the request to one of its people. */
export async function assignRequest(
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
): Promise<AssignRequestResult> {
  const loaded = await loadRequestForAction(user, reference, "request.assign", meta);
  if (!loaded.ok) return loaded;
  const parsed = assignInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { request } = loaded;
  if (!statusAfter("assign", request.status)) return fail.conflict(STEP_REFUSALS.assign);
  return db().$transaction(async (tx): Promise<AssignRequestResult> => {
    const team = await contactTeamMemberIds(tx, request.contactTeamId);
    if (!team.includes(parsed.data.assigneeId)) return fail.invalid([{ field: "assigneeId", message: NOT_IN_TEAM }]);
    const { count } = await tx.informationRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { assignedToId: parsed.data.assigneeId },
    });
    if (count === 0) return fail.conflict(STEP_REFUSALS.assign);
    await recordRequestEvent(tx, user, request.id, "ASSIGNED", { assigneeId: parsed.data.assigneeId });
    await auditRequestStep(tx, user, meta, request, "request.assign", ["responding"], {
      assigneeId: parsed.data.assigneeId,
    });
    return { ok: true, reference: request.reference };
  });
}
