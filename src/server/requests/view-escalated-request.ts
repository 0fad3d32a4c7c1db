import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { can } from "@/domain/policy";
import { db } from "@/server/infra/db";
import { auditRequestStep } from "./request-audit";
import { withRequest } from "./request-step";
import { REQUEST_SUMMARY_SELECT, type RequestSummary, requestSummary } from "./request-summary";

/**
 * What the lead partners see of an escalated request: who asked whom, why and for what, how late it
 * is, the refusal's reasons and the escalations. Not the child's name, date of birth or NHS number,
 * nor the requester's case reference: deciding whether a partner should share needs the purpose
 * and the reasons, not who the child is (data minimisation, UK GDPR Art 5(1)(c)).
 */
export interface EscalatedRequestView extends RequestSummary {
  answer: { kind: "SHARE" | "NO_SHARE"; answeredAt: Date; reasons: string | null } | null;
  mayDecide: boolean;
}

export type ViewEscalatedRequestResult = UseCaseResult<{ request: EscalatedRequestView }>;

/** Loads an escalated request for a lead partner; each view is audited in both parties' logs. */
export const viewEscalatedRequest = withRequest(
  "request.view-escalated",
  async (user, request, meta): Promise<ViewEscalatedRequestResult> => {
    const row = await db().informationRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { ...REQUEST_SUMMARY_SELECT, answer: { select: { kind: true, body: true, answeredAt: true } } },
    });
    const summary = await requestSummary(row);
    await db().$transaction((tx) =>
      auditRequestStep(tx, user, meta, request, "request.view-escalated", ["requesting", "responding"]),
    );
    return {
      ok: true,
      request: {
        ...summary,
        // A share's content is the requester's to read, not the lead partners': they see that it was shared.
        answer: row.answer
          ? {
              kind: row.answer.kind,
              answeredAt: row.answer.answeredAt,
              reasons: row.answer.kind === "NO_SHARE" ? row.answer.body : null,
            }
          : null,
        mayDecide:
          can(user, "request.decide-escalation", request) && summary.escalations.some((e) => e.decision === null),
      },
    };
  },
);
