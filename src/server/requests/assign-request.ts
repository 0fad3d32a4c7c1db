import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { STEP_REFUSALS, statusAfter } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { contactTeamMemberIds } from "./contact-team";
import { auditRequestStep, recordRequestEvent } from "./request-audit";
import { withRequestInput } from "./request-step";

export type AssignRequestResult = UseCaseResult<{ reference: string }>;

const assignInputSchema = z.strictObject({ assigneeId: z.uuid({ error: "Select who will answer this request" }) });
const NOT_IN_TEAM = "Select someone in your contact team";

/** The contact team gives the request to one of its people. */
export const assignRequest = withRequestInput(
  "request.assign",
  assignInputSchema,
  async (user, request, input, meta): Promise<AssignRequestResult> => {
    if (!statusAfter("assign", request.status)) return fail.conflict(STEP_REFUSALS.assign);
    return db().$transaction(async (tx): Promise<AssignRequestResult> => {
      const team = await contactTeamMemberIds(tx, request.contactTeamId);
      if (!team.includes(input.assigneeId)) return fail.invalid([{ field: "assigneeId", message: NOT_IN_TEAM }]);
      const { count } = await tx.informationRequest.updateMany({
        where: { id: request.id, status: request.status },
        data: { assignedToId: input.assigneeId },
      });
      if (count === 0) return fail.conflict(STEP_REFUSALS.assign);
      await recordRequestEvent(tx, user, request.id, "ASSIGNED", { assigneeId: input.assigneeId });
      await auditRequestStep(tx, user, meta, request, "request.assign", ["responding"], {
        assigneeId: input.assigneeId,
      });
      return { ok: true, reference: request.reference };
    });
  },
);
